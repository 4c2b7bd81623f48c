using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.LocalAws;
using Xunit;

namespace Unbundled.AcceptanceTests.Lambda;

/// <summary>
/// The core is built once: the AppHost runs every shell from its build output (embedded, aws-local, lambda-local), the
/// ECS images carry the published API, Customers and Projector programs, and the Lambda package the published
/// bootstrap; all of them carry the same Domain and handler assemblies, byte for byte, the one build of each.
/// </summary>
public sealed class When_the_shells_are_built(PublishedDeployables published) : IClassFixture<PublishedDeployables>
{
    [Theory]
    [InlineData("Unbundled.Domain", "Unbundled.Api", "Unbundled.Customers.Host", "Unbundled.Projector.Host", "Unbundled.Functions")]
    [InlineData("Unbundled.Customers", "Unbundled.Customers.Host", "Unbundled.Functions")]
    [InlineData("Unbundled.Projector", "Unbundled.Projector.Host", "Unbundled.Functions")]
    public void Should_carry_the_same_assembly_in_every_shell(string assembly, params string[] deployables)
    {
        var copies = deployables.Select(project => Path.Combine(published.Folder(project), assembly + ".dll"))
            .Prepend(Path.Combine(BuildOutput("Unbundled.AppHost"), assembly + ".dll"))
            .ToList();

        Assert.All(copies, path => Assert.True(File.Exists(path), $"{path} is missing"));
        var identities = copies.Select(path => (Hash: Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))), Mvid: ModuleVersionId(path))).ToList();
        Assert.Single(identities.Select(i => i.Hash).Distinct());
        Assert.Single(identities.Select(i => i.Mvid).Distinct());
        Assert.Equal(ModuleVersionId(Path.Combine(BuildOutput(assembly), assembly + ".dll")), identities[0].Mvid);
    }

    private static string BuildOutput(string project) => Path.Combine(RepositoryLayout.Root, "src", project, "bin", EndpointProcess.BuildConfiguration, "net10.0");

    /// <summary>The id the compiler gives one build of a module: a rebuild, even of the same source, gets another.</summary>
    private static Guid ModuleVersionId(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}
