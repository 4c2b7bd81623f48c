namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>Where the repository's folders are, found from the test assembly by walking up to <c>Unbundled.sln</c>.</summary>
/// <remarks>The same walk as <c>Unbundled.Testing.Aws</c>'s, which this project does not reference: that brings the AWS SDK along.</remarks>
internal static class RepositoryLayout
{
    private static readonly Lazy<DirectoryInfo> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value.FullName;

    public static string Terraform => Path.Combine(Root, "terraform");

    public static string Tools => Path.Combine(Root, "tools");

    /// <summary>The git-ignored scratch folder for local state such as lock files; shared with the AWS test harness.</summary>
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

        throw new InvalidOperationException($"No Unbundled.sln above {AppContext.BaseDirectory}; the terraform checks read the repository's terraform folder.");
    }
}
