namespace Unbundled.LocalAws;

/// <summary>Where the repository's tools live, found from the test assembly by walking up to <c>Unbundled.sln</c>.</summary>
public static class RepositoryLayout
{
    private static readonly Lazy<DirectoryInfo> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value.FullName;

    public static string Tools => Path.Combine(Root, "tools");

    /// <summary>The git-ignored scratch folder for local state such as lock files.</summary>
    public static string LocalState => Path.Combine(Root, ".unbundled");

    private static DirectoryInfo FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Unbundled.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"No Unbundled.sln above {AppContext.BaseDirectory}; the local AWS stand-ins start from the repository's tools folder: run from a clone of the repository, or use --shell aws with your own endpoints.");
    }
}
