using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.LocalAws;
using Xunit;

namespace Unbundled.AcceptanceTests.Lambda;

/// <summary>
/// The core is built once: the embedded and AWS shells run the endpoint programs and the AppHost (the shell is an argument),
/// the Lambda shell runs the functions' bootstrap, and all of them carry the same Domain and handler assemblies, byte for byte.
/// </summary>
public sealed class When_the_shells_are_built
{
    // Customers and Projector run as their own processes on the embedded and aws shells; the AppHost runs them in one
    // process on embedded, aws-local and aws; the bootstrap runs them as functions.
    [Theory]
    [InlineData("Unbundled.Domain", "Unbundled.Customers", "Unbundled.Projector", "Unbundled.AppHost", "Unbundled.Functions")]
    [InlineData("Unbundled.Customers", "Unbundled.Customers", "Unbundled.AppHost", "Unbundled.Functions")]
    [InlineData("Unbundled.Projector", "Unbundled.Projector", "Unbundled.AppHost", "Unbundled.Functions")]
    public void Should_carry_the_same_assembly_in_every_shell(string assembly, params string[] programs)
    {
        var copies = programs
            .Select(program => Path.Combine(RepositoryLayout.Root, "src", program, "bin", EndpointProcess.BuildConfiguration, "net10.0", assembly + ".dll"))
            .ToList();

        Assert.All(copies, path => Assert.True(File.Exists(path), $"{path} is missing"));
        var identities = copies.Select(path => (Hash: Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))), Mvid: ModuleVersionId(path))).ToList();
        Assert.Single(identities.Select(i => i.Hash).Distinct());
        Assert.Single(identities.Select(i => i.Mvid).Distinct());
        Assert.Equal(ModuleVersionId(Path.Combine(RepositoryLayout.Root, "src", assembly, "bin", EndpointProcess.BuildConfiguration, "net10.0", assembly + ".dll")), identities[0].Mvid);
    }

    /// <summary>The id the compiler gives one build of a module: a rebuild, even of the same source, gets another.</summary>
    private static Guid ModuleVersionId(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}
