using Unbundled.Messaging;
using Unbundled.Messaging.CustomChecks;
using Unbundled.Messaging.Embedded;
using Unbundled.Messaging.Transport;

namespace Unbundled.Shell.Checks;

/// <summary>The API instance's own reply queue exists: without it no mutation gets its answer.</summary>
internal sealed class ReplyQueueFolderExists(FileSystemTransport transport, EndpointConfiguration endpoint)
    : CustomCheck("reply queue exists", "Transport", ShellChecks.Interval)
{
    public override Task<CheckResult> PerformCheck(CancellationToken cancellationToken = default)
    {
        var folder = QueueFolderLength.PathOf(transport, new QueueAddress(endpoint.EndpointName, endpoint.InstanceDiscriminator));
        return Task.FromResult(Directory.Exists(folder) ? CheckResult.Pass : CheckResult.Failed($"The reply queue {folder} does not exist."));
    }
}
