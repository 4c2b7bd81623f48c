namespace Unbundled.Api.Tests.Infrastructure;

/// <summary>Where the repository is, found from the test assembly by walking up to <c>Unbundled.sln</c>.</summary>
public static class RepositoryLayout
{
    private static readonly Lazy<DirectoryInfo> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value.FullName;

    public static string ApiTests => Path.Combine(Root, "tests", "Unbundled.Api.Tests");

    private static DirectoryInfo FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Unbundled.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"No Unbundled.sln above {AppContext.BaseDirectory}; snapshots live in the repository.");
    }
}
