using Unbundled.Messaging.CustomChecks;

namespace Unbundled.Shell.Checks;

/// <summary>The endpoint reaches its persistence: the SQLite file exists and opens for writing.</summary>
internal sealed class SqliteFileWritable(string databasePath) : CustomCheck("SQLite database writable", "Persistence", ShellChecks.Interval)
{
    public override Task<CheckResult> PerformCheck(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(databasePath))
        {
            return Task.FromResult(CheckResult.Failed($"The database {databasePath} does not exist."));
        }

        try
        {
            // Shared with the connections in use: opening for writing is what is checked, nothing is written.
            using var file = new FileStream(databasePath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            return Task.FromResult(CheckResult.Pass);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(CheckResult.Failed($"The database {databasePath} cannot be written: {exception.Message}"));
        }
    }
}
