using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>
/// The drift check: terraform creates exactly what the code's topology needs (queues, topics, subscriptions, queue
/// policies, the table) and grants each task role exactly the calls its endpoint makes, no more and no less.
/// </summary>
public sealed class When_comparing_terraform_with_the_topology
{
    [Fact]
    public async Task Should_find_no_drift()
    {
        var configuration = await TerraformConfiguration.Load();

        var differences = Drift.Between(configuration, CodeTopology.Current);

        Assert.True(differences.Count == 0, "terraform/ and the code's topology differ:\n" + string.Join("\n", differences));
    }

    [Fact]
    public async Task Should_compare_every_resource_kind_and_every_role()
    {
        var configuration = await TerraformConfiguration.Load();
        var topology = CodeTopology.Current;

        // A comparison of empty sets would find no drift and prove nothing: each kind has something on both sides.
        Assert.NotEmpty(topology.Queues);
        Assert.NotEmpty(topology.Topics);
        Assert.NotEmpty(topology.Subscriptions);
        Assert.NotEmpty(topology.QueuePolicies);
        Assert.NotEmpty(topology.Tables);
        Assert.Equal(configuration.StringMap("endpoint_queues").Count, topology.Endpoints.Count);
        Assert.All(topology.Endpoints, endpoint => Assert.NotEmpty(endpoint.Permissions(Messaging.Topology.GrantPhase.Runtime)));
    }

    [Fact]
    public async Task Should_grant_each_role_exactly_its_endpoints_runtime_calls()
    {
        var configuration = await TerraformConfiguration.Load();
        var values = new TerraformValues(configuration);

        foreach (var (role, queue) in configuration.StringMap("endpoint_queues"))
        {
            var endpoint = CodeTopology.Current.Endpoints.Single(e => e.Transport.Queues[0].Name == CodeTopology.Prefix + queue);
            var granted = new RolePolicy(configuration, values, role).Allowed;
            Assert.Equal(endpoint.Permissions(Messaging.Topology.GrantPhase.Runtime).Order(), granted.Order());
        }
    }
}
