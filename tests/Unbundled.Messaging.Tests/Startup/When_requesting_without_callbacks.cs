using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Messages;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Startup;

public class When_requesting_without_callbacks : TransportTest<EmbeddedWorld>
{
    [Fact]
    public async Task Should_refuse_and_say_what_to_enable()
    {
        var endpoint = await StartEndpoint("Shop", c => c.Routing.RouteToEndpoint(typeof(PlaceOrder), "Sales"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => endpoint.Request<OrderAccepted>(new PlaceOrder("o-1")));

        Assert.Equal("Request needs EnableCallbacks() and MakeInstanceUniquelyAddressable(...) on the endpoint configuration.", error.Message);
    }

    [Fact]
    public async Task Should_refuse_on_a_responder_that_enabled_callbacks_only_to_reply()
    {
        var endpoint = await StartEndpoint("Shop", c => c.EnableCallbacks(makesRequests: false).Routing.RouteToEndpoint(typeof(PlaceOrder), "Sales"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => endpoint.Request<OrderAccepted>(new PlaceOrder("o-1")));
    }

    [Fact]
    public async Task Should_send_nothing()
    {
        var endpoint = await StartEndpoint("Shop", c => c.Routing.RouteToEndpoint(typeof(PlaceOrder), "Sales"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => endpoint.Request<OrderAccepted>(new PlaceOrder("o-1")));

        Assert.False(Directory.Exists(Path.Combine(World.Root, "Sales")));
    }
}
