using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Unbundled.Benchmarks.Transport.Commands;
using Unbundled.Messaging;
using Unbundled.Messaging.Embedded;

namespace Unbundled.Benchmarks.Transport;

/// <summary>
/// The embedded transport in one process: send→handle latency with 1 and 8 senders in lock-step, and throughput with the
/// receiver limited to 1 and to 8 concurrent messages while a sender pushes a backlog as fast as it can.
/// </summary>
internal static class EmbeddedTransportBenchmark
{
    public static async Task Run(string root, int messages)
    {
        Console.WriteLine($"Embedded transport, queue root {root}, {Environment.ProcessorCount} cores");
        foreach (var concurrency in new[] { 1, 8 })
        {
            await using var rig = await Rig.Start(root, concurrency);
            await Latency(rig, concurrency, messages / 10);
            var latency = await Latency(rig, concurrency, messages);
            Console.WriteLine($"  latency    concurrency {concurrency}: {latency.Summary()}");
        }

        foreach (var concurrency in new[] { 1, 8 })
        {
            await using var rig = await Rig.Start(root, concurrency);
            await Throughput(rig, messages / 10);
            var rate = await Throughput(rig, messages);
            Console.WriteLine($"  throughput concurrency {concurrency}: {rate:N0} messages/s ({messages} messages)");
        }
    }

    private static async Task<LatencyRecorder> Latency(Rig rig, int senders, int messages)
    {
        var recorder = new LatencyRecorder();
        var next = rig.Sequence;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var sequence && sequence <= rig.Sequence + messages)
            {
                var handled = rig.Tracker.WaitFor(sequence);
                var start = Stopwatch.GetTimestamp();
                await rig.Endpoint.SendLocal(new Ping(sequence));
                recorder.Record(start, await handled);
            }
        }));
        rig.Sequence += messages + senders;
        return recorder;
    }

    private static async Task<double> Throughput(Rig rig, int messages)
    {
        rig.Tracker.Reset();
        var last = rig.Tracker.WaitFor(rig.Sequence + messages);
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= messages; i++)
        {
            await rig.Endpoint.SendLocal(new Ping(rig.Sequence + i));
        }

        await last;
        while (rig.Tracker.HandledCount < messages)
        {
            await Task.Delay(1);
        }

        rig.Sequence += messages + 1;
        return messages / clock.Elapsed.TotalSeconds;
    }

    private sealed class Rig : IAsyncDisposable
    {
        private readonly string folder;

        private Rig(string folder, IEndpointInstance endpoint, PingTracker tracker)
        {
            this.folder = folder;
            Endpoint = endpoint;
            Tracker = tracker;
        }

        public IEndpointInstance Endpoint { get; }

        public PingTracker Tracker { get; }

        public long Sequence { get; set; }

        public static async Task<Rig> Start(string root, int concurrency)
        {
            var folder = Path.Combine(root, Guid.NewGuid().ToString("N"));
            var tracker = new PingTracker();
            var configuration = new EndpointConfiguration("Bench")
                .UseTransport(new FileSystemTransport(folder) { WatchForOtherProcesses = false })
                .RegisterHandler<PingHandler>()
                .LimitMessageProcessingConcurrencyTo(concurrency);
            var services = new ServiceCollection().AddSingleton(tracker).BuildServiceProvider();
            return new Rig(folder, await Messaging.Endpoint.Start(configuration, services), tracker);
        }

        public async ValueTask DisposeAsync()
        {
            await Endpoint.Stop();
            Directory.Delete(folder, recursive: true);
        }
    }
}
