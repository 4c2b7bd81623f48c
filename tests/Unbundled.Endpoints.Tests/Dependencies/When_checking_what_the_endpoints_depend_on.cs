using System.Reflection;
using Unbundled.Customers;
using Unbundled.Domain.Invitations;
using Unbundled.Ports;
using Unbundled.Projector;
using Xunit;

namespace Unbundled.Endpoints.Tests.Dependencies;

/// <summary>
/// The dependency points inward (docs/architecture.md): the endpoints, the domain and the ports know the messaging
/// library and nothing of the infrastructure the shell wires around them.
/// </summary>
public sealed class When_checking_what_the_endpoints_depend_on
{
    /// <summary>Transports, persistences, the shells, the stand-ins' launcher, the AWS SDK, SQLite and ASP.NET Core.</summary>
    private static readonly string[] Infrastructure =
    [
        "Unbundled.Messaging.Embedded", "Unbundled.Messaging.AmazonSqs", "Unbundled.Persistence.", "Unbundled.Shell",
        "Unbundled.LocalAws", "Unbundled.Aws", "AWSSDK.", "Microsoft.Data.Sqlite", "SQLitePCLRaw", "Microsoft.AspNetCore",
    ];

    public static TheoryData<string> Endpoints => new() { "Unbundled.Customers", "Unbundled.Projector", "Unbundled.Domain", "Unbundled.Ports" };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void Should_reference_no_infrastructure_assembly(string project)
    {
        var references = ProjectGraph.ReferencedAssemblies(AssemblyOf(project));

        Assert.DoesNotContain(references, name => Infrastructure.Any(name.StartsWith));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void Should_reference_no_infrastructure_project_package_or_framework(string project)
    {
        var references = ProjectGraph.ProjectReferences(project);

        Assert.DoesNotContain(references, reference => Infrastructure.Any(reference[(reference.IndexOf(':') + 1)..].StartsWith));
    }

    [Fact]
    public void Should_see_the_messaging_library_the_endpoints_do_use()
    {
        // The walk follows references: Customers reaches the library through its handler and the domain through the ports.
        var references = ProjectGraph.ReferencedAssemblies(AssemblyOf("Unbundled.Customers"));

        Assert.Superset(new SortedSet<string> { "Unbundled.Messaging", "Unbundled.Ports", "Unbundled.Domain" }, new SortedSet<string>(references));
    }

    [Theory]
    [InlineData("Unbundled.Api")]
    [InlineData("Unbundled.Customers.Host")]
    [InlineData("Unbundled.Projector.Host")]
    [InlineData("Unbundled.Functions")]
    public void Should_keep_the_development_shell_out_of_the_deployables(string deployable)
    {
        var references = ProjectGraph.ProjectReferences(deployable);

        Assert.Contains("project:Unbundled.Shell", references);
        Assert.DoesNotContain("project:Unbundled.Shell.Dev", references);
        Assert.DoesNotContain("project:Unbundled.LocalAws", references);
    }

    private static Assembly AssemblyOf(string project) => project switch
    {
        "Unbundled.Customers" => typeof(CustomersEndpoint).Assembly,
        "Unbundled.Projector" => typeof(ProjectorEndpoint).Assembly,
        "Unbundled.Domain" => typeof(InviteDecider).Assembly,
        "Unbundled.Ports" => typeof(IEmailClaims).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(project), project, "Not an endpoint project."),
    };
}
