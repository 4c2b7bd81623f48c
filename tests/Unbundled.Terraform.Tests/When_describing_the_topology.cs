using Unbundled.AppHost;
using Unbundled.Contracts;
using Unbundled.Testing;

namespace Unbundled.Terraform.Tests;

/// <summary>
/// <c>topology --json</c> against <c>Snapshots/topology.json</c>: every change to what the system needs of AWS shows in the
/// diff. On a mismatch the output is written to <c>Snapshots/topology.received.json</c>; if the change is intended, move it
/// over the snapshot (and change terraform to match: the drift check says what).
/// </summary>
public sealed class When_describing_the_topology
{
    private static readonly string Snapshots = RepositoryRoot.Combine("tests", "Unbundled.Terraform.Tests", "Snapshots");
    private static readonly string Snapshot = Path.Combine(Snapshots, "topology.json");
    private static readonly string Received = Path.Combine(Snapshots, "topology.received.json");

    [Fact]
    public void Should_print_the_json_of_the_snapshot()
    {
        var output = new StringWriter();

        SystemTopologyCommand.Run(["--json", "--Unbundled:NamePrefix=dev-", "--AWS_REGION=us-east-1"], output);

        var printed = output.ToString().ReplaceLineEndings("\n");
        if (printed != (File.Exists(Snapshot) ? File.ReadAllText(Snapshot).ReplaceLineEndings("\n") : ""))
        {
            File.WriteAllText(Received, printed);
            Assert.Fail($"The topology changed. Compare {Received} with {Snapshot}; if the change is intended, move it over the snapshot.");
        }

        File.Delete(Received);
    }

    [Theory]
    [InlineData("us-east-1", "aws")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    public void Should_take_the_partition_of_the_ARNs_from_the_region(string region, string partition)
    {
        var topology = SystemTopologyCommand.Describe([$"--AWS_REGION={region}"]);

        Assert.Equal(partition, topology.Arns.Partition);
        Assert.All(topology.Endpoints.SelectMany(endpoint => endpoint.Grants).Where(grant => grant.Resource != "*"), grant =>
            Assert.StartsWith($"arn:{partition}:", grant.Resource));
    }

    [Fact]
    public void Should_print_every_endpoint_in_the_text_form()
    {
        var output = new StringWriter();

        SystemTopologyCommand.Run(["--Unbundled:NamePrefix=dev-"], output);

        Assert.All([EndpointNames.Api, EndpointNames.Customers, EndpointNames.Projector], endpoint => Assert.Contains($"\n{endpoint}\n", output.ToString().ReplaceLineEndings("\n")));
        Assert.Contains("arn:{partition}:sqs:{region}:{account}:dev-Unbundled-Api-*", output.ToString());
    }
}
