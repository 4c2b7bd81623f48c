using Unbundled.Messaging.CustomChecks;
using Unbundled.Messaging.Embedded;
using Unbundled.Messaging.Transport;

namespace Unbundled.Shell.Checks;

/// <summary>The endpoint reaches its queue: on the embedded transport, its folder exists and takes a file.</summary>
internal sealed class QueueFolderWritable(FileSystemTransport transport, string queue)
    : CustomCheck($"{queue} queue reachable", "Transport", ShellChecks.Interval)
{
    public override async Task<CheckResult> PerformCheck(CancellationToken cancellationToken = default)
    {
        var folder = QueueFolderLength.PathOf(transport, new QueueAddress(queue));
        if (!Directory.Exists(folder))
        {
            return CheckResult.Failed($"The queue folder {folder} does not exist.");
        }

        // A dot file: receivers take only *.msg files, so the probe is never mistaken for a message.
        var probe = Path.Combine(folder, $".check-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(probe, [], cancellationToken);
            File.Delete(probe);
            return CheckResult.Pass;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return CheckResult.Failed($"The queue folder {folder} takes no file: {exception.Message}");
        }
    }
}
