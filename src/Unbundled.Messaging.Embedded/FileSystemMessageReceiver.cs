using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// The receive pump of one queue folder. Candidate file names arrive from local sends, the watcher and scans; each is
/// claimed by rename, processed with up to MaxConcurrency at once, and deleted when done. Immediate retries happen in
/// place; delayed messages are admitted to the queue when due.
/// </summary>
internal sealed class FileSystemMessageReceiver : IMessageReceiver, IAsyncDisposable
{
    // Candidates from local sends carry their content: bound them so a large backlog stays on disk, not in memory.
    private const int MaxPendingHints = 10_000;

    private readonly FileSystemTransport transport;
    private readonly QueueFolder queue;
    private readonly QueueFolder errorQueue;
    private readonly SubscriptionStore subscriptionStore;
    private readonly ReceiveSettings settings;
    private readonly ILogger logger;
    private readonly Channel<Candidate> candidates;
    private readonly Channel<bool> delayedWakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private CancellationTokenSource stopping = new();
    private CancellationTokenSource handlersCancelled = new();
    private SemaphoreSlim? concurrency;
    private OnMessage? onMessage;
    private OnError? onError;
    private InflightClaims? claims;
    private FileSystemWatcher? watcher;
    private Task pump = Task.CompletedTask;
    private Task delayedPump = Task.CompletedTask;
    private volatile bool rescanRequested;

    public FileSystemMessageReceiver(
        FileSystemTransport transport, ReceiveSettings settings, QueueStore queues, SubscriptionStore subscriptions, HostSettings host)
    {
        this.transport = transport;
        this.settings = settings;
        subscriptionStore = subscriptions;
        queue = queues.Get(transport.ToTransportAddress(settings.ReceiveAddress));
        errorQueue = queues.Get(transport.ToTransportAddress(new QueueAddress(settings.ErrorQueue)));
        logger = host.LoggerFactory.CreateLogger<FileSystemMessageReceiver>();
        candidates = Channel.CreateBounded(
            new BoundedChannelOptions(MaxPendingHints) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            (Candidate _) => rescanRequested = true);
        Subscriptions = settings.UsePublishSubscribe ? new FileSystemSubscriptionManager(subscriptionStore, queue.Name) : null;
    }

    public string Id => settings.Id;

    public string ReceiveAddress => queue.Name;

    public ISubscriptionManager? Subscriptions { get; }

    public Task Initialize(PushRuntimeSettings limitations, OnMessage onMessage, OnError onError, CancellationToken cancellationToken = default)
    {
        concurrency = new SemaphoreSlim(limitations.MaxConcurrency, limitations.MaxConcurrency);
        this.onMessage = onMessage;
        this.onError = onError;
        return Task.CompletedTask;
    }

    public Task StartReceive(CancellationToken cancellationToken = default)
    {
        stopping = new CancellationTokenSource();
        handlersCancelled = new CancellationTokenSource();
        claims = new InflightClaims(queue);
        var recovered = claims.RecoverAbandoned();
        if (recovered.Count > 0)
        {
            logger.LogWarning("Returned {Count} messages claimed by a stopped receiver to {Queue}", recovered.Count, queue.Name);
        }

        LocalReceivers.Register(queue.Path, this);
        if (transport.WatchForOtherProcesses)
        {
            watcher = new FileSystemWatcher(queue.Path, "*" + QueueFolder.Extension) { NotifyFilter = NotifyFilters.FileName };
            watcher.Created += (_, e) => Hint(new Candidate(e.Name!));
            watcher.Renamed += (_, e) => Hint(new Candidate(e.Name!));
            watcher.Error += (_, _) => rescanRequested = true;
            watcher.EnableRaisingEvents = true;
        }

        rescanRequested = true;
        pump = Task.Run(() => Pump(stopping.Token), CancellationToken.None);
        delayedPump = Task.Run(() => AdmitDelayedMessages(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopReceive(CancellationToken cancellationToken = default)
    {
        await using var registration = cancellationToken.Register(handlersCancelled.Cancel);
        await stopping.CancelAsync();
        watcher?.Dispose();
        watcher = null;
        LocalReceivers.Unregister(queue.Path, this);
        await Task.WhenAll(pump, delayedPump);
    }

    public async ValueTask DisposeAsync()
    {
        await StopReceive(CancellationToken.None);
        claims?.Dispose();
        claims = null;
        if (settings.IsInstanceSpecific)
        {
            // Nobody else reads an instance queue, and callbacks do not outlive the process: leave nothing behind.
            DeleteQuietly(queue.Path);
        }
    }

    internal void Hint(Candidate candidate) => candidates.Writer.TryWrite(candidate);

    internal void WakeDelayed() => delayedWakeUps.Writer.TryWrite(true);

    private async Task Pump(CancellationToken cancellationToken)
    {
        var reader = candidates.Reader;
        var inFlight = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Scan when asked to, but not while the candidates already queued would make most of the scan redundant.
                if (rescanRequested && reader.Count < MaxPendingHints / 2)
                {
                    Scan();
                }

                if (!reader.TryRead(out var candidate))
                {
                    await WaitForWork(reader, cancellationToken);
                    continue;
                }

                await concurrency!.WaitAsync(cancellationToken);
                if (!claims!.TryClaim(candidate.FileName))
                {
                    concurrency.Release();
                    continue;
                }

                inFlight.RemoveAll(task => task.IsCompleted);
                inFlight.Add(Process(candidate));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(inFlight);
    }

    private async Task WaitForWork(ChannelReader<Candidate> reader, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(transport.ScanInterval);
        try
        {
            await reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            rescanRequested = true;
        }
    }

    private void Scan()
    {
        rescanRequested = false;
        foreach (var path in Directory.EnumerateFiles(queue.Path, "*" + QueueFolder.Extension).Order(StringComparer.Ordinal).Take(MaxPendingHints / 2))
        {
            Hint(new Candidate(Path.GetFileName(path)));
        }
    }

    private async Task Process(Candidate candidate)
    {
        await Task.Yield();
        try
        {
            await new MessageProcessing(this, candidate).Run(handlersCancelled.Token);
        }
        finally
        {
            concurrency!.Release();
        }
    }

    private async Task AdmitDelayedMessages(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = AdmitDue();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var untilNext = next is { } due ? due - DateTimeOffset.UtcNow : transport.ScanInterval;
            wait.CancelAfter(untilNext < transport.ScanInterval ? untilNext : transport.ScanInterval);
            try
            {
                await delayedWakeUps.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>Moves due delayed messages into the queue; returns when the next one is due.</summary>
    private DateTimeOffset? AdmitDue()
    {
        DateTimeOffset? next = null;
        var now = DateTimeOffset.UtcNow;
        foreach (var path in Directory.EnumerateFiles(queue.DelayedPath, "*" + QueueFolder.Extension))
        {
            var due = QueueFolder.DueTimeOf(Path.GetFileName(path));
            if (due > now)
            {
                next = next is null || due < next ? due : next;
                continue;
            }

            try
            {
                Hint(new Candidate(queue.Admit(path)));
            }
            catch (FileNotFoundException)
            {
                // Another receiver of this queue admitted it first.
            }
        }

        return next;
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>One claimed message through its immediate retries.</summary>
    private readonly struct MessageProcessing(FileSystemMessageReceiver receiver, Candidate candidate)
    {
        private readonly string fileName = candidate.FileName;

        public async Task Run(CancellationToken cancellationToken)
        {
            var claims = receiver.claims!;
            var content = candidate.Content ?? await File.ReadAllBytesAsync(claims.PathOf(fileName), CancellationToken.None);
            var read = MessageFile.TryRead(content);
            if (read is not { } message)
            {
                receiver.logger.LogError("{File} in {Queue} is not a message file; moved as it is to {ErrorQueue}", fileName, receiver.queue.Name, receiver.errorQueue.Name);
                receiver.errorQueue.Admit(claims.PathOf(fileName));
                return;
            }

            for (var failures = 0; ; )
            {
                var context = new MessageContext(fileName, new Dictionary<string, string>(message.Headers), message.Body, receiver.queue.Name);
                try
                {
                    await receiver.onMessage!(context, cancellationToken);
                    claims.Complete(fileName);
                    return;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    claims.Release(fileName);
                    return;
                }
                catch (Exception exception)
                {
                    failures++;
                    if (!await HandleError(exception, context, failures, cancellationToken))
                    {
                        return;
                    }
                }
            }
        }

        /// <summary>True when the message must be processed again now.</summary>
        private async Task<bool> HandleError(Exception exception, MessageContext context, int failures, CancellationToken cancellationToken)
        {
            var claims = receiver.claims!;
            try
            {
                var result = await receiver.onError!(new ErrorContext(exception, context, failures), cancellationToken);
                if (result == ErrorHandleResult.RetryRequired)
                {
                    return true;
                }

                claims.Complete(fileName);
                return false;
            }
            catch (Exception recoverabilityFailure)
            {
                // Recoverability itself failed (e.g. the error queue is unwritable): keep the message by returning it.
                receiver.logger.LogCritical(recoverabilityFailure, "Recoverability failed for {File} in {Queue}; returned to the queue", fileName, receiver.queue.Name);
                receiver.Hint(new Candidate(claims.Release(fileName)));
                return false;
            }
        }
    }
}
