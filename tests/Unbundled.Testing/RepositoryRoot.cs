namespace Unbundled.Testing;

/// <summary>The repository the tests run from, found by walking up from the test assembly to <c>Unbundled.sln</c>.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Folder = new(Find);

    public static string Path => Folder.Value;

    /// <summary>A path below the root, e.g. <c>Combine("tests", "Unbundled.Api.Tests", "Snapshots")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Unbundled.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Unbundled.sln above {AppContext.BaseDirectory}: the tests run from a clone of the repository.");
    }
}
