using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// The embedded default transport, in the spirit of NServiceBus's learning transport: one folder per queue under
/// <see cref="RootPath"/>, one human-readable file per message (headers as JSON, a blank line, the body), written
/// atomically and claimed by an atomic rename, so several processes can share a queue. Inside one process a send wakes
/// the receiver directly, and a handler's outgoing messages are handed to a local receiver in memory while the handler's
/// own message stays claimed; across processes a file-system watcher wakes receivers, with a periodic scan as a safety net.
/// </summary>
public sealed class FileSystemTransport(string rootPath = FileSystemTransport.DefaultRootPath) : TransportDefinition
{
    public const string DefaultRootPath = ".unbundled/queues";

    public string RootPath { get; } = Path.GetFullPath(rootPath);

    /// <summary>How often an idle receiver scans its folder for messages it was not told about (a safety net).</summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Watch queue folders for files written by other processes; turn off when a queue is never shared.</summary>
    public bool WatchForOtherProcesses { get; init; } = true;

    /// <summary>
    /// How long an instance queue whose process is gone stays, untouched, before a starting instance of the same endpoint
    /// deletes it with the replies nobody will read (<see cref="StaleInstanceFolders"/>).
    /// </summary>
    public TimeSpan StaleInstanceQueueAge { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The clock of delays, of time-to-be-received and of the crash clean-ups' grace periods.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public override string ToTransportAddress(QueueAddress address) => QueueNames.Sanitize(address.ToString());

    public override Task<TransportInfrastructure> Initialize(
        HostSettings hostSettings,
        IReadOnlyList<ReceiveSettings> receivers,
        IReadOnlyList<string> sendingAddresses,
        CancellationToken cancellationToken = default)
    {
        var process = hostSettings.Process.Shared<EmbeddedProcess>();
        var queues = new QueueStore(RootPath, TimeProvider, process);
        var subscriptions = new SubscriptionStore(RootPath);
        foreach (var address in sendingAddresses)
        {
            queues.Get(address);
        }

        var receiversById = receivers.ToDictionary(
            settings => settings.Id,
            IMessageReceiver (settings) => new FileSystemMessageReceiver(this, settings, queues, subscriptions, process.Receivers, hostSettings));
        TransportInfrastructure infrastructure = new FileSystemInfrastructure(receiversById)
        {
            Dispatcher = new FileSystemDispatcher(queues, subscriptions, process.Receivers, TimeProvider),
            Receivers = receiversById,
        };
        return Task.FromResult(infrastructure);
    }

    public override Task<IQueueOperations> OpenQueueOperations(HostSettings hostSettings, CancellationToken cancellationToken = default)
    {
        var process = hostSettings.Process.Shared<EmbeddedProcess>();
        var queues = new QueueStore(RootPath, TimeProvider, process);
        var dispatcher = new FileSystemDispatcher(queues, new SubscriptionStore(RootPath), process.Receivers, TimeProvider);
        return Task.FromResult<IQueueOperations>(new FileSystemQueueOperations(this, queues, dispatcher));
    }
}
