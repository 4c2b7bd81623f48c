using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Messaging.Hosting;
using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Transport;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Hosting;

public class When_running_on_the_generic_host : IAsyncLifetime
{
    private readonly EmbeddedWorld world = new();
    private readonly UnitOfWorkLog log = new();
    private IHost host = null!;

    public async Task InitializeAsync()
    {
        await world.Initialize();
        var configuration = new EndpointConfiguration("Sales")
            .UseTransport(world.CreateTransport())
            .EnableInstallers()
            .RegisterHandler<PlaceOrderInUnitOfWorkHandler>();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(log).AddScoped<OrderUnitOfWork>();
        builder.AddMessagingEndpoint(configuration);
        host = builder.Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await world.DisposeAsync();
    }

    [Fact]
    public void Should_offer_the_message_session_plain_and_keyed_by_endpoint_name()
    {
        var session = host.Services.GetRequiredService<IMessageSession>();

        Assert.Same(session, host.Services.GetRequiredKeyedService<IMessageSession>("Sales"));
    }

    [Fact]
    public async Task Should_give_each_message_its_own_scoped_dependencies()
    {
        var session = host.Services.GetRequiredService<IMessageSession>();

        await session.SendLocal(new PlaceOrder("o-1"));
        await session.SendLocal(new PlaceOrder("o-2"));

        var used = await log.TakeUsed(2);
        Assert.NotEqual(used[0], used[1]);
    }

    [Fact]
    public async Task Should_dispose_the_scoped_dependencies_after_each_message()
    {
        var session = host.Services.GetRequiredService<IMessageSession>();

        await session.SendLocal(new PlaceOrder("o-1"));
        var first = await log.TakeUsed(1);
        var firstDisposed = await log.TakeDisposed(1);
        await session.SendLocal(new PlaceOrder("o-2"));
        var second = await log.TakeUsed(1);
        var secondDisposed = await log.TakeDisposed(1);

        Assert.Equal(first, firstDisposed);
        Assert.Equal(second, secondDisposed);
    }

    [Fact]
    public async Task Should_stop_the_endpoint_when_the_host_stops()
    {
        await host.StopAsync();

        await DispatchToSales(new PlaceOrder("o-1"));

        await Task.Delay(Scenario.QuietPeriod);
        Assert.True(log.NoneUsed);
        Assert.Single(Directory.GetFiles(Path.Combine(world.Root, "Sales"), "*.msg"));
    }

    private async Task DispatchToSales(PlaceOrder order)
    {
        var transport = world.CreateTransport();
        var infrastructure = await transport.Initialize(
            new HostSettings("Shop", Environment.MachineName, SetupInfrastructure: true, (_, _) => { }, NullLoggerFactory.Instance),
            [],
            ["Sales"]);
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = "order-after-stop",
            [Headers.EnclosedMessageTypes] = typeof(PlaceOrder).AssemblyQualifiedName!,
            [Headers.ContentType] = "application/json",
        };
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(order);
        await infrastructure.Dispatcher.Dispatch(new TransportOperations(
            new UnicastTransportOperation(new OutgoingMessage("order-after-stop", headers, body), "Sales", DispatchProperties.None)));
        await infrastructure.Shutdown();
    }
}
