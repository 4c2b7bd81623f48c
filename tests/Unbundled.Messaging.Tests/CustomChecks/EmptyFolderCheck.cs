using Unbundled.Messaging.CustomChecks;

namespace Unbundled.Messaging.Tests.CustomChecks;

/// <summary>A check with a real subject the test controls: a folder that must be empty (and throws when it is missing).</summary>
internal sealed class EmptyFolderCheck(string folder, TimeSpan? interval) : CustomCheck("folder-empty", "Storage", interval)
{
    public override Task<CheckResult> PerformCheck(CancellationToken cancellationToken = default) =>
        Task.FromResult(Directory.EnumerateFiles(folder).Count() is var files and > 0 ? CheckResult.Failed($"{files} file(s) in {folder}") : CheckResult.Pass);
}
