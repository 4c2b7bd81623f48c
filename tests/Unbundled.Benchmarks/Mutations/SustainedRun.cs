using System.Diagnostics;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// <c>mutations --sustain SECONDS</c>: ours over HTTP at full speed for that long, at <c>--concurrency</c>. Prints a
/// curve, one line per 10 s: the mutations per second and their p99, the process's resident memory and GC heap, and the
/// largest size of SQLite's write-ahead log file in that window; then the first minute against the last and the stop.
/// Memory must stay flat, the log bounded (docs/sqlite-wal.md) and the throughput must not fall from first minute to last.
/// </summary>
internal static class SustainedRun
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public static async Task Run(MutationsOptions options)
    {
        Console.WriteLine(
            $"Sustained InviteCustomer mutations, {Environment.ProcessorCount} cores: {options.SustainSeconds} s over HTTP at concurrency "
            + $"{options.Concurrency} after {options.WarmUp} to warm up; load average {LoadAverage()}");
        // As a user gets it, or with --only ours-off without the platform features (no audit files piling up for a
        // ServiceControl that is not running).
        await using var system = options.Only is "ours-off" ? await OurSystem.StartWithoutPlatformFeatures() : await OurSystem.Start();
        using var client = new GraphQLInviteClient(system.BaseAddress);
        var emails = new Emails("sustained");
        await Load.Drive(options.WarmUp, options.Concurrency, _ => client.Invite(emails.Next()));

        var log = new FileInfo(Path.Combine(system.DataPath, "unbundled.db-wal"));
        var windows = (int)Math.Ceiling(options.SustainSeconds / Window.TotalSeconds);
        var maxLog = new long[windows];
        var done = new int[windows];
        var latencies = Enumerable.Range(0, windows).Select(_ => new LatencyRecorder()).ToArray();
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(options.SustainSeconds);
        int WindowNow() => Math.Min(windows - 1, (int)(clock.Elapsed / Window));

        var sampler = Task.Run(async () =>
        {
            var printed = 0;
            while (clock.Elapsed < duration)
            {
                log.Refresh();
                var window = WindowNow();
                maxLog[window] = Math.Max(maxLog[window], log.Exists ? log.Length : 0);
                if (window > printed)
                {
                    // The window before is complete: print it with the memory of this moment.
                    Print(printed, done[printed], latencies[printed], maxLog[printed]);
                    printed = window;
                }

                await Task.Delay(50);
            }

            Print(printed, done[printed], latencies[printed], maxLog[printed]);
        });
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                await client.Invite(emails.Next());
                var window = WindowNow();
                latencies[window].Record(start, Stopwatch.GetTimestamp());
                Interlocked.Increment(ref done[window]);
            }
        })));
        await sampler;

        var perMinute = (int)(60 / Window.TotalSeconds);
        if (windows >= 2 * perMinute)
        {
            var first = done.Take(perMinute).Sum() / 60.0;
            var last = done.Skip(windows - perMinute).Sum() / 60.0;
            Console.WriteLine($"  first minute {first:N0}/s, last minute {last:N0}/s: last / first = {last / first:0.00}");
        }

        log.Refresh();
        Console.WriteLine($"  log at the end of the load: {(log.Exists ? log.Length : 0) / 1024.0 / 1024.0:0.0} MB; load average {LoadAverage()}");
        var stopping = Stopwatch.StartNew();
        await system.Stop();
        Console.WriteLine($"  stop: {stopping.Elapsed.TotalSeconds:0.00} s");
    }

    private static void Print(int window, int mutations, LatencyRecorder latency, long largestLog)
    {
        using var process = Process.GetCurrentProcess();
        var seconds = (window + 1) * (int)Window.TotalSeconds;
        Console.WriteLine(
            $"  {seconds,4} s: {mutations / Window.TotalSeconds,6:N0} mutations/s, p99 {latency.Percentile(99),7:0.00} ms, "
            + $"RSS {process.WorkingSet64 / 1024.0 / 1024.0,5:N0} MB, GC heap {GC.GetTotalMemory(false) / 1024.0 / 1024.0,5:N0} MB, "
            + $"log file {largestLog / 1024.0 / 1024.0,5:0.0} MB");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
