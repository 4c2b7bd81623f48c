using System.Reflection;
using System.Xml.Linq;
using Unbundled.Testing;

namespace Unbundled.Endpoints.Tests.Dependencies;

/// <summary>What a project depends on, transitively: in its built assembly's metadata and in its project file's references.</summary>
internal static class ProjectGraph
{
    /// <summary>The names of the assemblies <paramref name="assembly"/> references, and those they reference, beyond the framework.</summary>
    public static IReadOnlySet<string> ReferencedAssemblies(Assembly assembly)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<AssemblyName>(assembly.GetReferencedAssemblies());
        while (pending.TryPop(out var name))
        {
            if (IsFramework(name.Name!) || !seen.Add(name.Name!))
            {
                continue;
            }

            // Every assembly the test can load was built for it; one it cannot load is named all the same.
            var referenced = TryLoad(name);
            foreach (var next in referenced?.GetReferencedAssemblies() ?? [])
            {
                pending.Push(next);
            }
        }

        return seen;
    }

    /// <summary>
    /// The projects, packages and frameworks <c>src/{project}</c>'s project file references, followed through its project
    /// references, e.g. <c>project:Unbundled.Messaging</c>, <c>package:AWSSDK.SQS</c>, <c>framework:Microsoft.AspNetCore.App</c>.
    /// </summary>
    public static IReadOnlySet<string> ProjectReferences(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([RepositoryRoot.Combine("src", project, project + ".csproj")]);
        while (pending.TryPop(out var path))
        {
            var file = XDocument.Load(path);
            if (file.Root?.Attribute("Sdk")?.Value is "Microsoft.NET.Sdk.Web")
            {
                seen.Add("framework:Microsoft.AspNetCore.App");
            }

            foreach (var reference in file.Descendants())
            {
                var include = reference.Attribute("Include")?.Value;
                switch (reference.Name.LocalName)
                {
                    case "ProjectReference" when include is not null:
                        var referenced = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include.Replace('\\', '/')));
                        if (seen.Add("project:" + Path.GetFileNameWithoutExtension(referenced)))
                        {
                            pending.Push(referenced);
                        }

                        break;
                    case "PackageReference" when include is not null:
                        seen.Add("package:" + include);
                        break;
                    case "FrameworkReference" when include is not null:
                        seen.Add("framework:" + include);
                        break;
                }
            }
        }

        return seen;
    }

    private static bool IsFramework(string name) =>
        name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib";

    private static Assembly? TryLoad(AssemblyName name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
