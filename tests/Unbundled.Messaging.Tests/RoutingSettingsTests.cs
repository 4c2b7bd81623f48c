using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Contracts;

namespace Unbundled.Messaging.Tests;

public class RoutingSettingsTests
{
    private static readonly System.Reflection.Assembly TestAssembly = typeof(PlaceOrder).Assembly;

    private readonly RoutingSettings routing = new();

    [Fact]
    public void A_route_by_type_beats_a_route_by_assembly()
    {
        routing.RouteToEndpoint(typeof(PlaceOrder), "Sales");
        routing.RouteToEndpoint(TestAssembly, "Everything");

        Assert.Equal("Sales", routing.EndpointFor(typeof(PlaceOrder)));
        Assert.Equal("Everything", routing.EndpointFor(typeof(BillOrder)));
    }

    [Fact]
    public void The_longest_matching_namespace_wins_whatever_the_order_of_the_rules()
    {
        routing.RouteToEndpoint(TestAssembly, "Unbundled.Messaging.Tests.Commands", "Narrow");
        routing.RouteToEndpoint(TestAssembly, "Unbundled.Messaging.Tests", "Broad");
        routing.RouteToEndpoint(TestAssembly, "Whole");

        Assert.Equal("Narrow", routing.EndpointFor(typeof(PlaceOrder)));
        Assert.Equal("Broad", routing.EndpointFor(typeof(Invoice)));
    }

    [Fact]
    public void A_namespace_rule_covers_its_sub_namespaces()
    {
        routing.RouteToEndpoint(TestAssembly, "Unbundled.Messaging", "Sales");

        Assert.Equal("Sales", routing.EndpointFor(typeof(PlaceOrder)));
    }

    [Fact]
    public void A_namespace_rule_does_not_cover_a_namespace_it_is_only_a_prefix_of()
    {
        // Unbundled.Messaging.Tests.Command is a prefix of Unbundled.Messaging.Tests.Commands, not a parent of it.
        routing.RouteToEndpoint(TestAssembly, "Unbundled.Messaging.Tests.Command", "Sales");

        Assert.Null(routing.EndpointFor(typeof(PlaceOrder)));
    }

    [Fact]
    public void An_assembly_rule_covers_only_types_of_that_assembly()
    {
        routing.RouteToEndpoint(typeof(EndpointConfiguration).Assembly, "Sales");

        Assert.Null(routing.EndpointFor(typeof(PlaceOrder)));
    }
}
