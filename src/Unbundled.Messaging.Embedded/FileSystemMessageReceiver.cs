using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// The receive pump of one queue folder. Candidate file names arrive from local sends, the watcher and scans; each is
/// claimed by rename, processed with up to MaxConcurrency at once, and recycled when done. Senders in this process may
/// write a message straight into this receiver's claimed folder (<see cref="TryAccept"/>), and handlers in this process
/// may hand one over in memory (<see cref="TryHandOff"/>); each takes one of the same slots. Immediate retries
/// happen in place; delayed messages are admitted to the queue when due.
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
    private readonly LocalReceivers<FileSystemMessageReceiver> local;
    private readonly ILogger logger;
    private readonly Channel<Candidate> candidates;
    private readonly Channel<bool> delayedWakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private CancellationTokenSource stopping = new();
    private CancellationTokenSource handlersCancelled = new();
    private ProcessingSlots? slots;
    private OnMessage? onMessage;
    private OnError? onError;
    private InflightClaims? claims;
    private FileStream? instanceMarker;
    private FileSystemWatcher? watcher;
    private Task pump = Task.CompletedTask;
    private Task delayedPump = Task.CompletedTask;
    private volatile bool rescanRequested;
    private volatile bool abandoned;
    private readonly Lock stopGate = new();
    private Task? stopped;

    public FileSystemMessageReceiver(
        FileSystemTransport transport,
        ReceiveSettings settings,
        QueueStore queues,
        SubscriptionStore subscriptions,
        LocalReceivers<FileSystemMessageReceiver> local,
        HostSettings host)
    {
        this.local = local;
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
        slots = new ProcessingSlots(limitations.MaxConcurrency);
        this.onMessage = onMessage;
        this.onError = onError;
        return Task.CompletedTask;
    }

    public Task StartReceive(CancellationToken cancellationToken = default)
    {
        stopping = new CancellationTokenSource();
        handlersCancelled = new CancellationTokenSource();
        stopped = null;
        abandoned = false;
        claims = new InflightClaims(queue);
        var recovered = claims.RecoverAbandoned();
        if (recovered.Count > 0)
        {
            logger.LogWarning("Returned {Count} messages claimed by a stopped receiver to {Queue}", recovered.Count, queue.Name);
        }

        if (settings.IsInstanceSpecific)
        {
            MarkAndRemoveStaleInstanceQueues();
        }

        local.Register(queue.Path, this);
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

    /// <summary>
    /// Ends intake at once and waits for the messages in flight until the token is cancelled; then cancels their handlers
    /// and waits a moment more. A handler that ignores its token is left behind: its claimed file goes back to the queue
    /// when the receiver is disposed, and the handler, should it end, leaves the file alone.
    /// </summary>
    public Task StopReceive(CancellationToken cancellationToken = default)
    {
        lock (stopGate)
        {
            return stopped ??= Stop(cancellationToken);
        }
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        watcher?.Dispose();
        watcher = null;
        local.Unregister(queue.Path, this);
        await Task.WhenAll(pump, delayedPump);
        if (slots is null || await slots.AllFree(cancellationToken))
        {
            return;
        }

        await handlersCancelled.CancelAsync();
        using var cleanUp = new CancellationTokenSource(StopBudget.CleanUpTime);
        if (!await slots.AllFree(cleanUp.Token))
        {
            abandoned = true;
            logger.LogWarning("{Queue} stopped with handlers still running; their messages go back to the queue", queue.Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopReceive(CancellationToken.None);
        claims?.Dispose();
        claims = null;
        instanceMarker?.Dispose();
        instanceMarker = null;
        if (settings.IsInstanceSpecific)
        {
            // Nobody else reads an instance queue, and callbacks do not outlive the process: leave nothing behind.
            DeleteQuietly(queue.Path);
        }
    }

    private void MarkAndRemoveStaleInstanceQueues()
    {
        instanceMarker ??= StaleInstanceFolders.Mark(queue);
        var endpointQueue = transport.ToTransportAddress(new QueueAddress(settings.ReceiveAddress.BaseAddress));
        foreach (var removed in StaleInstanceFolders.Remove(Path.GetDirectoryName(queue.Path)!, endpointQueue, transport.StaleInstanceQueueAge, transport.TimeProvider))
        {
            logger.LogInformation("Deleted the instance queue {Queue} of a process that is gone, with the replies nobody will read", removed);
        }
    }

    internal void Hint(Candidate candidate) => candidates.Writer.TryWrite(candidate);

    internal void WakeDelayed() => delayedWakeUps.Writer.TryWrite(true);

    private async Task Pump(CancellationToken cancellationToken)
    {
        var reader = candidates.Reader;
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

                await slots!.Take(cancellationToken);
                if (!claims!.TryClaim(candidate.FileName))
                {
                    slots.Release();
                    continue;
                }

                // Not awaited here: the slot it holds until it ends is what the stop waits for.
                _ = ProcessAccepted(candidate);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
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
            await ProcessClaimed(candidate, handlersCancelled.Token);
        }
        finally
        {
            slots!.Release();
        }
    }

    private async Task ProcessClaimed(Candidate candidate, CancellationToken cancellationToken)
    {
        var fileName = candidate.FileName;
        var content = candidate.Content ?? await File.ReadAllBytesAsync(claims!.PathOf(fileName), CancellationToken.None);
        if (MessageFile.TryRead(content) is not { } message)
        {
            logger.LogError("{File} in {Queue} is not a message file; moved as it is to {ErrorQueue}", fileName, queue.Name, errorQueue.Name);
            errorQueue.Admit(claims!.PathOf(fileName));
            return;
        }

        var outcome = await ProcessWithImmediateRetries(fileName, message.Headers, message.Body, cancellationToken);
        if (abandoned)
        {
            // The stop gave up on this handler and returns its file to the queue: it is not this handler's any more.
            return;
        }

        switch (outcome)
        {
            case Outcome.Consumed:
                claims!.Complete(fileName);
                break;
            case Outcome.Cancelled:
                claims!.Release(fileName);
                break;
            case Outcome.RecoverabilityFailed:
                Hint(new Candidate(claims!.Release(fileName)));
                break;
        }
    }

    /// <summary>
    /// Takes a message sent from this process when a slot is free: its file is written straight into this receiver's
    /// claimed folder, and processed from memory. The file is as durable as one in the queue (if this process dies, the
    /// next receiver to start returns it to the queue), but it costs no claiming rename, no turn of the pump and no
    /// watcher event. Returns false, having written nothing, when no slot is free.
    /// </summary>
    internal bool TryAccept(byte[] content)
    {
        if (!TryTakeSlotForLocalSender())
        {
            return false;
        }

        string fileName;
        try
        {
            fileName = queue.WriteInto(claims!.FolderPath, content);
        }
        catch
        {
            slots!.Release();
            throw;
        }

        _ = ProcessAccepted(new Candidate(fileName, content));
        return true;
    }

    /// <summary>Nobody awaits a claimed or accepted message, so what would end its processing is logged here.</summary>
    private async Task ProcessAccepted(Candidate candidate)
    {
        try
        {
            await Process(candidate);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "{File} in {Queue} could not be settled; it stays claimed until this receiver stops", candidate.FileName, queue.Name);
        }
    }

    /// <summary>
    /// Takes a message from a sender in this process when a slot is free, without a file: the sender's own received
    /// message is the durable record until <paramref name="processing"/> completes, and a message that cannot be consumed
    /// now (the receiver stops, recoverability fails) is written to the queue before it does.
    /// </summary>
    internal bool TryHandOff(OutgoingMessage message, out Task processing)
    {
        if (!TryTakeSlotForLocalSender())
        {
            processing = Task.CompletedTask;
            return false;
        }

        processing = ProcessHandedOff(message, handlersCancelled.Token);
        return true;
    }

    /// <summary>A free slot, without waiting, for a message from this process; none while stopping or not yet started.</summary>
    private bool TryTakeSlotForLocalSender() => !stopping.IsCancellationRequested && onMessage is not null && slots!.TryTake();

    private async Task ProcessHandedOff(OutgoingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await ProcessWithImmediateRetries(message.MessageId, message.Headers, message.Body, cancellationToken);
            if (outcome != Outcome.Consumed && queue.Write(MessageFile.Format(message.Headers, message.Body.Span), TimeSpan.Zero) is { } stored)
            {
                Hint(new Candidate(stored));
            }
        }
        finally
        {
            slots!.Release();
        }
    }

    private async Task AdmitDelayedMessages(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = AdmitDue();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // The next due time may pass while this loop runs (a loaded machine): a negative wait would throw and end the pump.
            var untilNext = next is { } due ? due - DateTimeOffset.UtcNow : transport.ScanInterval;
            wait.CancelAfter(TimeSpan.FromTicks(Math.Clamp(untilNext.Ticks, 0, transport.ScanInterval.Ticks)));
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

    /// <summary>One message through its immediate retries; says whether it was consumed or must be kept.</summary>
    private async Task<Outcome> ProcessWithImmediateRetries(
        string nativeMessageId, IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        for (var failures = 0; ; )
        {
            var context = new MessageContext(nativeMessageId, new Dictionary<string, string>(headers), body, queue.Name);
            try
            {
                await onMessage!(context, cancellationToken);
                return Outcome.Consumed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Outcome.Cancelled;
            }
            catch (Exception exception)
            {
                failures++;
                try
                {
                    if (await onError!(new ErrorContext(exception, context, failures), cancellationToken) == ErrorHandleResult.Handled)
                    {
                        return Outcome.Consumed;
                    }
                }
                catch (Exception recoverabilityFailure)
                {
                    // Recoverability itself failed (e.g. the error queue is unwritable): keep the message in the queue.
                    logger.LogCritical(recoverabilityFailure, "Recoverability failed for {MessageId} in {Queue}; returned to the queue", nativeMessageId, queue.Name);
                    return Outcome.RecoverabilityFailed;
                }
            }
        }
    }

    private enum Outcome
    {
        /// <summary>Processed, or dealt with by recoverability (delayed retry or error queue).</summary>
        Consumed,

        /// <summary>The receiver is stopping and cancelled its handlers.</summary>
        Cancelled,

        RecoverabilityFailed,
    }
}
