using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Embedded.Receiving;
using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// The receiver of one queue folder: its lifecycle, over parts with one duty each. <see cref="ReceivePump"/> claims
/// candidate files by rename and processes up to MaxConcurrency at once; <see cref="LocalIntake"/> takes messages from
/// senders in this process, by file straight into the claimed folder or in memory, on the same slots;
/// <see cref="DelayedAdmission"/> admits delayed messages when due; <see cref="ImmediateRetries"/> retries in place;
/// <see cref="ClaimedMessages"/> settles each message. <see cref="Initialize"/> makes what lasts (slots, retries),
/// <see cref="StartReceive"/> one run; neither is filled in afterwards.
/// </summary>
internal sealed class FileSystemMessageReceiver : IMessageReceiver, IAsyncDisposable
{
    private readonly FileSystemTransport transport;
    private readonly QueueFolder queue;
    private readonly QueueFolder errorQueue;
    private readonly ReceiveSettings settings;
    private readonly LocalReceivers<LocalIntake> local;
    private readonly ILogger logger;
    private readonly Lock stopGate = new();
    private Initialized? initialized;
    private ReceiverRun? run;
    private FileStream? instanceMarker;
    private Task? stopped;

    public FileSystemMessageReceiver(
        FileSystemTransport transport,
        ReceiveSettings settings,
        QueueStore queues,
        SubscriptionStore subscriptions,
        LocalReceivers<LocalIntake> local,
        HostSettings host)
    {
        this.transport = transport;
        this.settings = settings;
        this.local = local;
        queue = queues.Get(transport.ToTransportAddress(settings.ReceiveAddress));
        errorQueue = queues.Get(transport.ToTransportAddress(new QueueAddress(settings.ErrorQueue)));
        logger = host.LoggerFactory.CreateLogger<FileSystemMessageReceiver>();
        Subscriptions = settings.UsePublishSubscribe ? new FileSystemSubscriptionManager(subscriptions, queue.Name) : null;
    }

    public string Id => settings.Id;

    public string ReceiveAddress => queue.Name;

    public ISubscriptionManager? Subscriptions { get; }

    public Task Initialize(PushRuntimeSettings limitations, OnMessage onMessage, OnError onError, CancellationToken cancellationToken = default)
    {
        initialized = new Initialized(
            new ProcessingSlots(limitations.MaxConcurrency),
            new ImmediateRetries(TimeToBeReceived.DiscardExpired(onMessage, transport.TimeProvider, logger), onError, queue.Name, logger));
        return Task.CompletedTask;
    }

    public Task StartReceive(CancellationToken cancellationToken = default)
    {
        var (slots, retries) = initialized ?? throw new InvalidOperationException($"The receiver of {queue.Name} starts only once initialized.");
        var claims = new InflightClaims(queue, SlotFiles.CountFor(slots.Count));
        if (claims.RecoverAbandoned() is { Count: > 0 } recovered)
        {
            logger.LogWarning("Returned {Count} messages claimed by a stopped receiver to {Queue}", recovered.Count, queue.Name);
        }

        if (settings.IsInstanceSpecific)
        {
            MarkAndRemoveStaleInstanceQueues();
        }

        lock (stopGate)
        {
            stopped = null;
            run = ReceiverRun.Start(transport, queue, errorQueue, local, slots, retries, claims, logger);
        }

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
            return stopped ??= run is { } running ? Stop(running, cancellationToken) : Task.CompletedTask;
        }
    }

    private async Task Stop(ReceiverRun running, CancellationToken cancellationToken)
    {
        await running.Stopping.CancelAsync();
        running.Watcher?.Dispose();
        local.Unregister(queue.Path, running.Intake);
        await Task.WhenAll(running.Pump, running.Delayed);
        if (await running.Slots.AllFree(cancellationToken))
        {
            return;
        }

        await running.HandlersCancelled.CancelAsync();
        using var cleanUp = new CancellationTokenSource(StopBudget.CleanUpTime);
        if (!await running.Slots.AllFree(cleanUp.Token))
        {
            running.Messages.Abandon();
            logger.LogWarning("{Queue} stopped with handlers still running; their messages go back to the queue", queue.Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopReceive(CancellationToken.None);
        run?.Messages.Claims.Dispose();
        run = null;
        instanceMarker?.Dispose();
        instanceMarker = null;
        if (settings.IsInstanceSpecific)
        {
            // Nobody else reads an instance queue, and callbacks do not outlive the process: leave nothing behind.
            try
            {
                Directory.Delete(queue.Path, recursive: true);
            }
            catch (IOException)
            {
            }
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

    /// <summary>What <see cref="Initialize"/> made: it lasts across runs.</summary>
    private sealed record Initialized(ProcessingSlots Slots, ImmediateRetries Retries);
}
