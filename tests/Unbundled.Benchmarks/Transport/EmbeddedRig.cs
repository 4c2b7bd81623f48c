using Microsoft.Extensions.DependencyInjection;
using Unbundled.Benchmarks.Transport.Commands;
using Unbundled.Messaging;
using Unbundled.Messaging.Embedded;

namespace Unbundled.Benchmarks.Transport;

/// <summary>Our embedded file-system transport: one endpoint, no outbox, no persistence, no watcher for other processes.</summary>
internal sealed class EmbeddedRig : IPingRig
{
    private readonly string folder;
    private readonly IEndpointInstance endpoint;

    private EmbeddedRig(string folder, IEndpointInstance endpoint, PingTracker tracker)
    {
        this.folder = folder;
        this.endpoint = endpoint;
        Tracker = tracker;
    }

    public PingTracker Tracker { get; }

    public long Sequence { get; set; }

    public static async Task<IPingRig> Start(string root, int concurrency)
    {
        var folder = Path.Combine(root, Guid.NewGuid().ToString("N"));
        var tracker = new PingTracker();
        var configuration = new EndpointConfiguration("Bench")
            .UseTransport(new FileSystemTransport(folder) { WatchForOtherProcesses = false })
            .RegisterHandler<PingHandler>()
            .LimitMessageProcessingConcurrencyTo(concurrency);
        var services = new ServiceCollection().AddSingleton(tracker).BuildServiceProvider();
        return new EmbeddedRig(folder, await Endpoint.Start(configuration, services), tracker);
    }

    public Task SendLocal(Ping ping) => endpoint.SendLocal(ping);

    public async ValueTask DisposeAsync()
    {
        await endpoint.Stop();
        Directory.Delete(folder, recursive: true);
    }
}
