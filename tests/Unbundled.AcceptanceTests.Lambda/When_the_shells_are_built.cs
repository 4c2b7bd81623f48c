using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.LocalAws;
using Xunit;

namespace Unbundled.AcceptanceTests.Lambda;

/// <summary>
/// The core is built once: the AppHost runs every shell from its build output (embedded, aws-local, lambda-local), the
/// ECS images carry the published API, Customers and Projector programs, and the Lambda package the bootstrap published
/// as it is deployed, ReadyToRun; all of them carry the same Domain and handler assemblies, byte for byte, the one build
/// of each (docs/lambda.md#publishing).
/// </summary>
public sealed class When_the_shells_are_built(PublishedDeployables published) : IClassFixture<PublishedDeployables>
{
    [Theory]
    [InlineData("Unbundled.Domain", "Unbundled.Api", "Unbundled.Customers.Host", "Unbundled.Projector.Host", PublishedDeployables.Functions)]
    [InlineData("Unbundled.Customers", "Unbundled.Customers.Host", PublishedDeployables.Functions)]
    [InlineData("Unbundled.Projector", "Unbundled.Projector.Host", PublishedDeployables.Functions)]
    public void Should_carry_the_same_assembly_in_every_shell(string assembly, params string[] deployables)
    {
        var copies = deployables.Select(project => Path.Combine(published.Folder(project), assembly + ".dll"))
            .Prepend(Path.Combine(BuildOutput("Unbundled.AppHost"), assembly + ".dll"))
            .ToList();

        Assert.All(copies, path => Assert.True(File.Exists(path), $"{path} is missing"));
        var identities = copies.Select(path => (Hash: Sha256(path), Mvid: ModuleVersionId(path))).ToList();
        // The package's publish builds what changed since the tests' build: a commit in between changes every assembly's
        // informational version (it carries the commit), and the package then holds another build of the core.
        var differ = $"the copies differ: {string.Join(", ", copies.Zip(identities, (path, id) => $"{path} {id.Hash[..12]}"))}";
        Assert.True(identities.Select(i => i.Hash).Distinct().Count() == 1, differ);
        Assert.Single(identities.Select(i => i.Mvid).Distinct());
        Assert.Equal(ModuleVersionId(Path.Combine(BuildOutput(assembly), assembly + ".dll")), identities[0].Mvid);
    }

    /// <summary>What shows the package was published with ReadyToRun, so that the same files above are no accident.</summary>
    [Fact]
    public void Should_precompile_the_package_but_its_core()
    {
        var packaged = Path.Combine(published.Folder(PublishedDeployables.Functions), "Unbundled.Api.dll");
        var compiled = Path.Combine(BuildOutput("Unbundled.Api"), RuntimeInformation.RuntimeIdentifier, "Unbundled.Api.dll");

        Assert.True(IsReadyToRun(packaged), $"{packaged} has no ReadyToRun code");
        Assert.False(IsReadyToRun(compiled), $"{compiled} is not the compiler's IL");
        // The same build of the API, precompiled: its module id kept, its bytes grown by the native code.
        Assert.Equal(ModuleVersionId(compiled), ModuleVersionId(packaged));
        Assert.NotEqual(Sha256(compiled), Sha256(packaged));
        Assert.All(["Unbundled.Domain", "Unbundled.Customers", "Unbundled.Projector"], core =>
            Assert.False(IsReadyToRun(Path.Combine(published.Folder(PublishedDeployables.Functions), core + ".dll")), $"{core} was precompiled"));
    }

    private static string BuildOutput(string project) => Path.Combine(RepositoryLayout.Root, "src", project, "bin", EndpointProcess.BuildConfiguration, "net10.0");

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>The id the compiler gives one build of a module: a rebuild, even of the same source, gets another.</summary>
    private static Guid ModuleVersionId(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }

    /// <summary>A ReadyToRun image points its CLI header's managed native header at the precompiled code's header.</summary>
    private static bool IsReadyToRun(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }
}
