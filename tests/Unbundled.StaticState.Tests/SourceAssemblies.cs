using System.Reflection;

namespace Unbundled.StaticState.Tests;

/// <summary>The assemblies built from the projects under <c>src/</c> that this test's output folder holds.</summary>
internal static class SourceAssemblies
{
    public static IReadOnlyList<Assembly> All()
    {
        var projects = Directory.GetDirectories(Path.Combine(RepositoryRoot(), "src")).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        return [.. Directory.EnumerateFiles(AppContext.BaseDirectory, "Unbundled.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(projects.Contains)
            .Order(StringComparer.Ordinal)
            .Select(name => Assembly.Load(name!))];
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Unbundled.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Unbundled.sln above {AppContext.BaseDirectory}.");
    }
}
