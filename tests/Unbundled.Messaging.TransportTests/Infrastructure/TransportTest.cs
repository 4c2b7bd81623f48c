using Microsoft.Extensions.DependencyInjection;
using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Transport;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Infrastructure;

/// <summary>
/// The base of every conformance scenario: a fresh world per test, endpoints and spies started in it and stopped after,
/// and one <see cref="Observations"/> shared by the scenario's handlers.
/// </summary>
public abstract class TransportTest<TWorld> : IAsyncLifetime
    where TWorld : ITransportWorld, new()
{
    private readonly List<IEndpointInstance> endpoints = [];
    private readonly List<QueueSpy> spies = [];

    protected TWorld World { get; } = new();

    protected Observations Observations { get; } = new();

    /// <summary>The test's process: every endpoint and spy of a scenario shares it, as the endpoints of one host process do.</summary>
    protected ProcessScope Process { get; } = new();

    public Task InitializeAsync() => World.Initialize();

    public async Task DisposeAsync()
    {
        Observations.LetGo();
        // A short grace period, then handlers still running (deliberately slow ones) and receive calls are cancelled.
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        // A copy: a scenario's stop that timed out may still end, and remove its endpoint, meanwhile.
        foreach (var endpoint in endpoints.ToList())
        {
            await endpoint.Stop(grace.Token);
        }

        foreach (var spy in spies)
        {
            await spy.DisposeAsync();
        }

        await Process.DisposeAsync();
        await World.DisposeAsync();
    }

    /// <summary>An endpoint on this world's transport with installers on and fast, test-friendly retries unless overridden.</summary>
    protected async Task<IEndpointInstance> StartEndpoint(string name, Action<EndpointConfiguration>? configure = null, string? label = null)
    {
        var configuration = new EndpointConfiguration(name)
            .UseTransport(World.CreateTransport())
            .EnableInstallers()
            .LimitMessageProcessingConcurrencyTo(4)
            .ShareProcess(Process);
        configuration.Recoverability.Immediate(0).Delayed(0);
        configure?.Invoke(configuration);
        var services = new ServiceCollection()
            .AddSingleton(Observations)
            .AddSingleton(new EndpointLabel(label ?? name))
            .BuildServiceProvider();
        var endpoint = await Endpoint.Start(configuration, services);
        endpoints.Add(endpoint);
        return endpoint;
    }

    protected async Task StopEndpoint(IEndpointInstance endpoint)
    {
        await endpoint.Stop();
        endpoints.Remove(endpoint);
    }

    protected async Task<QueueSpy> SpyOn(string queue)
    {
        var spy = await QueueSpy.Start(World.CreateTransport(), queue, Process);
        spies.Add(spy);
        return spy;
    }

    /// <summary>ServiceControl on this world's transport: spies on error, its staging queue, its main queue and Monitoring's.</summary>
    protected async Task<SimulatedServiceControl> StartServiceControl() => new(
        await SpyOn("error"), await SpyOn(SimulatedServiceControl.StagingQueue), await SpyOn(SimulatedServiceControl.MainQueue),
        await SpyOn(SimulatedServiceControl.MonitoringQueue),
        (queue, headers, body) => DispatchRaw(queue, headers, body.ToArray()));

    /// <summary>Dispatches a raw transport message, bypassing the endpoint's serializer and header rules.</summary>
    protected async Task DispatchRaw(string destination, Dictionary<string, string> headers, byte[] body)
    {
        var transport = World.CreateTransport();
        var host = new HostSettings("RawSender", Environment.MachineName, true, (_, _) => { }, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
        {
            Process = Process,
        };
        var infrastructure = await transport.Initialize(host, [], [transport.ToTransportAddress(new QueueAddress(destination))]);
        var message = new OutgoingMessage(headers[Headers.MessageId], headers, body);
        await infrastructure.Dispatcher.Dispatch(new TransportOperations(
            new UnicastTransportOperation(message, transport.ToTransportAddress(new QueueAddress(destination)), DispatchProperties.None)));
        await infrastructure.Shutdown();
    }
}
