using System.Diagnostics;
using Unbundled.Benchmarks.Transport.Commands;

namespace Unbundled.Benchmarks.Transport;

/// <summary>
/// A file-system transport in one process, ours and Rebus's, one after the other: send→handle latency with 1 and 8
/// senders in lock-step, and throughput with the receiver limited to 1 and to 8 concurrent messages while a sender pushes
/// a backlog as fast as it can. Each line gives the process's CPU time and the bytes allocated per message.
/// </summary>
internal static class TransportBenchmark
{
    public static readonly string[] Transports = ["embedded", "rebus-files"];

    public static async Task Run(string root, int messages, string? only)
    {
        Console.WriteLine($"File-system transports, queue root {root}, {Environment.ProcessorCount} cores, {messages} messages per run");
        Console.WriteLine("  embedded    ours: a message in one of the in-process receiver's slot files, written over in place (with every slot taken, a file in the queue)");
        Console.WriteLine("  rebus-files Rebus 8.10 UseFileSystem: one JSON file per message, written in place, polled by listing the folder");
        var rates = new Dictionary<(string, int), double>();
        foreach (var transport in Transports.Where(t => only is null || t == only))
        {
            Func<string, int, Task<IPingRig>> start = transport == "embedded" ? EmbeddedRig.Start : RebusRig.Start;
            // Rebus's receiver, finding its folder empty, waits out its back-off (100–200 ms by default) before it lists the
            // folder again, so in lock-step a message takes that long: a hundredth of the messages says as much.
            var inLockStep = transport == "embedded" ? messages : Math.Max(20, messages / 100);
            foreach (var concurrency in new[] { 1, 8 })
            {
                await using var rig = await start(root, concurrency);
                await Latency(rig, concurrency, Math.Max(concurrency, inLockStep / 10));
                var (latency, cost) = await Measured(() => Latency(rig, concurrency, inLockStep));
                Console.WriteLine($"  {transport,-11} latency    concurrency {concurrency}: {latency.Summary()}, {cost.PerMessage(inLockStep)}{Failures(rig)}");
            }

            foreach (var concurrency in new[] { 1, 8 })
            {
                await using var rig = await start(root, concurrency);
                await Throughput(rig, messages / 10);
                var (rate, cost) = await Measured(() => Throughput(rig, messages));
                rates[(transport, concurrency)] = rate;
                Console.WriteLine($"  {transport,-11} throughput concurrency {concurrency}: {rate,7:N0} messages/s ({messages} messages), {cost.PerMessage(messages)}{Failures(rig)}");
            }
        }

        if (only is null)
        {
            Console.WriteLine($"  embedded / rebus-files throughput: {rates[("embedded", 8)] / rates[("rebus-files", 8)]:0.00}x at concurrency 8, "
                + $"{rates[("embedded", 1)] / rates[("rebus-files", 1)]:0.00}x at concurrency 1 (target of issue 13: >= 3x at 8)");
        }
    }

    private static string Failures(IPingRig rig) =>
        rig is RebusRig rebus ? $", {rebus.FailedSends} failed sends retried, {rebus.LeftoverFiles} empty files left behind" : "";

    private static async Task<LatencyRecorder> Latency(IPingRig rig, int senders, int messages)
    {
        var recorder = new LatencyRecorder();
        var next = rig.Sequence;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var sequence && sequence <= rig.Sequence + messages)
            {
                var handled = rig.Tracker.WaitFor(sequence);
                var start = Stopwatch.GetTimestamp();
                await rig.SendLocal(new Ping(sequence));
                recorder.Record(start, await handled);
            }
        }));
        rig.Sequence += messages + senders;
        return recorder;
    }

    private static async Task<double> Throughput(IPingRig rig, int messages)
    {
        rig.Tracker.Reset();
        var last = rig.Tracker.WaitFor(rig.Sequence + messages);
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= messages; i++)
        {
            await rig.SendLocal(new Ping(rig.Sequence + i));
        }

        await last;
        while (rig.Tracker.HandledCount < messages)
        {
            await Task.Delay(1);
        }

        rig.Sequence += messages + 1;
        return messages / clock.Elapsed.TotalSeconds;
    }

    private static async Task<(T Result, Cost Cost)> Measured<T>(Func<Task<T>> run)
    {
        GC.Collect();
        var before = Cost.Now();
        var result = await run();
        return (result, Cost.Now() - before);
    }

    /// <summary>The process's CPU time and allocated bytes, so a run's cost per message can be told apart from its speed.</summary>
    private readonly record struct Cost(TimeSpan Cpu, long Allocated)
    {
        public static Cost Now() => new(Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));

        public static Cost operator -(Cost after, Cost before) => new(after.Cpu - before.Cpu, after.Allocated - before.Allocated);

        public string PerMessage(int messages) =>
            $"CPU {Cpu.TotalMicroseconds / messages:0} µs each, alloc {Allocated / 1024.0 / messages:0.0} KB each";
    }
}
