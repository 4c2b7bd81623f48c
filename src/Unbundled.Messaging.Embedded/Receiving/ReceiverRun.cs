using Microsoft.Extensions.Logging;
using Unbundled.Messaging.InProcess;

namespace Unbundled.Messaging.Embedded.Receiving;

/// <summary>
/// One start-to-stop of a receiver, made whole by <see cref="Start"/>: its claims, its pump and delayed admission
/// running, its intake registered with the process's local receivers, and the watcher when other processes write.
/// </summary>
internal sealed record ReceiverRun(
    ProcessingSlots Slots,
    ClaimedMessages Messages,
    LocalIntake Intake,
    CancellationTokenSource Stopping,
    CancellationTokenSource HandlersCancelled,
    FileSystemWatcher? Watcher,
    Task Pump,
    Task Delayed)
{
    public static ReceiverRun Start(
        FileSystemTransport transport,
        QueueFolder queue,
        QueueFolder errorQueue,
        LocalReceivers<LocalIntake> local,
        ProcessingSlots slots,
        ImmediateRetries retries,
        InflightClaims claims,
        ILogger logger)
    {
        var stopping = new CancellationTokenSource();
        var handlersCancelled = new CancellationTokenSource();
        var candidates = new Candidates();
        var messages = new ClaimedMessages(queue, errorQueue, claims, slots, retries, candidates, logger, handlersCancelled.Token);
        var delayed = new DelayedAdmission(queue, candidates, transport.TimeProvider, transport.ScanInterval);
        var intake = new LocalIntake(queue, slots, messages, candidates, delayed, stopping.Token);
        local.Register(queue.Path, intake);
        var watcher = transport.WatchForOtherProcesses ? Watch(queue, candidates) : null;
        return new ReceiverRun(
            slots,
            messages,
            intake,
            stopping,
            handlersCancelled,
            watcher,
            Task.Run(() => ReceivePump.Run(queue, candidates, slots, messages, transport.ScanInterval, stopping.Token), CancellationToken.None),
            Task.Run(() => delayed.Run(stopping.Token), CancellationToken.None));
    }

    private static FileSystemWatcher Watch(QueueFolder queue, Candidates candidates)
    {
        var watcher = new FileSystemWatcher(queue.Path, "*" + QueueFolder.Extension) { NotifyFilter = NotifyFilters.FileName };
        watcher.Created += (_, e) => candidates.Hint(new Candidate(e.Name!));
        watcher.Renamed += (_, e) => candidates.Hint(new Candidate(e.Name!));
        watcher.Error += (_, _) => candidates.RequestRescan();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
