using System.Diagnostics;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// <c>mutations --sustain SECONDS</c>: ours over HTTP at full speed for that long, at <c>--concurrency</c>, with the
/// size of SQLite's write-ahead log sampled every 50 ms. Prints, per minute, the mutations, their p99 and the largest log
/// seen, then how long the stop took: the log must stay bounded under load, and a stop must not wait on a huge one.
/// </summary>
internal static class SustainedRun
{
    public static async Task Run(MutationsOptions options)
    {
        Console.WriteLine(
            $"Sustained InviteCustomer mutations, {Environment.ProcessorCount} cores: {options.SustainSeconds} s over HTTP at concurrency "
            + $"{options.Concurrency} after {options.WarmUp} to warm up; load average {LoadAverage()}");
        await using var system = await OurSystem.Start();
        using var client = new GraphQLInviteClient(system.BaseAddress);
        var emails = new Emails("sustained");
        await Load.Drive(options.WarmUp, options.Concurrency, _ => client.Invite(emails.Next()));

        var log = new FileInfo(Path.Combine(system.DataPath, "unbundled.db-wal"));
        var minutes = (int)Math.Ceiling(options.SustainSeconds / 60.0);
        var maxLog = new long[minutes];
        var done = new int[minutes];
        var latencies = Enumerable.Range(0, minutes).Select(_ => new LatencyRecorder()).ToArray();
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(options.SustainSeconds);
        int Minute() => Math.Min(minutes - 1, (int)(clock.Elapsed.TotalMinutes));

        var sampler = Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                log.Refresh();
                var minute = Minute();
                maxLog[minute] = Math.Max(maxLog[minute], log.Exists ? log.Length : 0);
                await Task.Delay(50);
            }
        });
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                await client.Invite(emails.Next());
                var minute = Minute();
                latencies[minute].Record(start, Stopwatch.GetTimestamp());
                Interlocked.Increment(ref done[minute]);
            }
        })));
        await sampler;

        for (var minute = 0; minute < minutes; minute++)
        {
            var seconds = Math.Min(60, options.SustainSeconds - (minute * 60));
            Console.WriteLine(
                $"  minute {minute + 1}: {done[minute],8:N0} mutations ({done[minute] / (double)seconds,6:N0}/s), p99 "
                + $"{latencies[minute].Percentile(99):0.00} ms, largest log {maxLog[minute] / 1024.0 / 1024.0:0.0} MB");
        }

        log.Refresh();
        Console.WriteLine($"  log at the end of the load: {(log.Exists ? log.Length : 0) / 1024.0 / 1024.0:0.0} MB; load average {LoadAverage()}");
        var stopping = Stopwatch.StartNew();
        await system.Stop();
        Console.WriteLine($"  stop: {stopping.Elapsed.TotalSeconds:0.00} s");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
