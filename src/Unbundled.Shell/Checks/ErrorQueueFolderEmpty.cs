using Unbundled.Messaging.CustomChecks;
using Unbundled.Messaging.Embedded;
using Unbundled.Messaging.Transport;

namespace Unbundled.Shell.Checks;

/// <summary>No failed message waits in the embedded <c>error</c> queue (ServiceControl cannot read a folder to say so).</summary>
internal sealed class ErrorQueueFolderEmpty(FileSystemTransport transport, string errorQueue)
    : CustomCheck($"{errorQueue} queue empty", "Failed messages", ShellChecks.Interval)
{
    public override Task<CheckResult> PerformCheck(CancellationToken cancellationToken = default)
    {
        var folder = QueueFolderLength.PathOf(transport, new QueueAddress(errorQueue));
        var failed = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.msg").Count() : 0;
        return Task.FromResult(failed == 0
            ? CheckResult.Pass
            : CheckResult.Failed($"{failed} failed message(s) wait in {folder}."));
    }
}
