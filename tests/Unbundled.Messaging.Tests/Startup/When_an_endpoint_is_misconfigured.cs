using Unbundled.Messaging.Outbox;
using Unbundled.Messaging.Tests.Handlers;

namespace Unbundled.Messaging.Tests.Startup;

/// <summary>Start-up refuses configurations that could only fail later, before it touches the transport.</summary>
public class When_an_endpoint_is_misconfigured : IAsyncLifetime
{
    private readonly EmbeddedWorld world = new();

    public Task InitializeAsync() => world.Initialize();

    public Task DisposeAsync() => world.DisposeAsync().AsTask();

    [Fact]
    public async Task Should_refuse_to_start_without_a_transport()
    {
        var configuration = new EndpointConfiguration("Sales");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Endpoint.Start(configuration));

        Assert.Equal("Endpoint Sales has no transport: call UseTransport(...).", error.Message);
    }

    [Fact]
    public async Task Should_refuse_callbacks_on_an_instance_that_is_not_uniquely_addressable()
    {
        var configuration = OnTheTransport().EnableCallbacks();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Endpoint.Start(configuration));

        Assert.Contains("MakeInstanceUniquelyAddressable", error.Message);
    }

    [Fact]
    public async Task Should_refuse_the_outbox_without_a_persistence()
    {
        var configuration = OnTheTransport().EnableOutbox();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Endpoint.Start(configuration));

        Assert.Contains("UsePersistence", error.Message);
    }

    [Fact]
    public async Task Should_refuse_handlers_on_a_send_only_endpoint()
    {
        var configuration = OnTheTransport().SendOnly().RegisterHandler<RejectOrderHandler>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Endpoint.Start(configuration));

        Assert.Equal("Send-only endpoint Sales cannot have handlers.", error.Message);
    }

    [Fact]
    public async Task Should_touch_nothing_on_the_transport_before_refusing()
    {
        var configuration = OnTheTransport().EnableInstallers().UsePersistence(new InMemoryPersistence()).EnableCallbacks();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Endpoint.Start(configuration));

        Assert.Empty(Directory.EnumerateFileSystemEntries(world.Root));
    }

    [Fact]
    public async Task Should_start_a_responder_that_only_replies_without_an_instance_queue()
    {
        var configuration = OnTheTransport().EnableCallbacks(makesRequests: false).RegisterHandler<RejectOrderHandler>();

        var endpoint = await Endpoint.Start(configuration);
        await endpoint.Stop();
    }

    private EndpointConfiguration OnTheTransport() => new EndpointConfiguration("Sales").UseTransport(world.CreateTransport());
}
