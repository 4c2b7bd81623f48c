using System.Xml.Linq;
using Unbundled.Domain.Invitations;
using Unbundled.Testing;

namespace Unbundled.Domain.Tests;

/// <summary>The domain stays pure only while it references nothing; these tests fail the build the day it does.</summary>
public class DomainDependencyTests
{
    [Fact]
    public void The_domain_assembly_references_only_the_framework()
    {
        var references = typeof(InviteDecider).Assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib",
            $"Unbundled.Domain references {name}"));
    }

    [Fact]
    public void The_domain_project_has_no_package_or_project_references()
    {
        var project = XDocument.Load(RepositoryRoot.Combine("src", "Unbundled.Domain", "Unbundled.Domain.csproj"));

        var references = project.Descendants()
            .Where(element => element.Name.LocalName is "PackageReference" or "ProjectReference")
            .Select(element => element.ToString());

        Assert.Empty(references);
    }
}
