using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Unbundled.Persistence.Sqlite;
using Unbundled.Ports;
using Unbundled.Shell;

namespace Unbundled.Benchmarks.Mutations.Profiling;

/// <summary>
/// Where our mutation's time goes: how long read-your-writes' first pause really is, the storage work alone, then the whole
/// system with its messaging spans laid out per mutation, the API's read-your-writes reads and the exceptions counted: as
/// shipped, with SQLite's busy handler switched on, and with the data folder inside the hosts' content root.
/// </summary>
internal static class MutationsProfile
{
    public static async Task Run(MutationsOptions options)
    {
        var c = options.Concurrency;
        Console.WriteLine($"Profile of ours, {Environment.ProcessorCount} cores: {options.Count} mutations at concurrency {c}, {options.SequentialCount} at 1");
        var pause = await Load.Drive(200, 1, _ => Task.Delay(TimeSpan.FromMilliseconds(1)));
        Console.WriteLine($"  Task.Delay(1 ms), read-your-writes' first pause, on an idle process: {pause.Latency.Summary()}");
        Console.WriteLine("  SQLite alone: one invite's storage work with the system's SQLite classes, no messaging");
        foreach (var busyTimeout in new[] { false, true })
        {
            foreach (var (concurrency, count) in new[] { (1, options.SequentialCount), (c, options.Count) })
            {
                var measured = await SqliteAlone.Run(count, concurrency, busyTimeout);
                Console.WriteLine($"    {(busyTimeout ? "busy_timeout" : "as shipped"),-12} concurrency {concurrency,2}: {measured.Summary("invites")}");
            }
        }

        using var timeline = new SpanTimeline();
        using var exceptions = new ExceptionCounter();
        using var allocations = new AllocationSampler();
        foreach (var variant in Variants)
        {
            Console.WriteLine();
            Console.WriteLine($"  Ours over HTTP, {variant.Name}");
            var views = new ReadModelReads();
            await using var ours = await OurSystem.Start(api => CountReadModelReads(api, views, variant.RecheckWithoutTimer), variant.DataInsideContentRoot);
            if (variant.BusyTimeout)
            {
                await BusyTimeout.Prime(ours.ApiServices.GetRequiredService<SqliteDatabase>().ConnectionString);
            }

            using var client = new GraphQLInviteClient(ours.BaseAddress);
            var emails = new Emails("profile");
            await Load.Drive(options.WarmUp, c, _ => client.Invite(emails.Next()));
            await Load.Drive(Math.Max(1, options.WarmUp / 4), 1, _ => client.Invite(emails.Next()));
            await JitSettling.Wait();
            foreach (var (concurrency, count) in new[] { (1, options.SequentialCount), (c, options.Count) })
            {
                views.Reset();
                timeline.Clear();
                exceptions.Clear();
                GC.Collect();
                allocations.Start();
                var measured = await Load.Drive(count, concurrency, _ => client.Invite(emails.Next()));
                var allocated = allocations.Stop(count).ToList();
                Console.WriteLine(new LoadResult("ours", "http", concurrency, measured).Line());
                if (concurrency > 1 && variant == Variants[0])
                {
                    Console.WriteLine("    allocations by type (GC allocation ticks, client and server):");
                    allocated.ForEach(Console.WriteLine);
                }

                Console.WriteLine($"    read-your-writes: {(double)views.Finds / count:0.00} read-model reads per mutation, "
                    + $"{(double)views.Misses / count:0.00} of them found nothing yet");
                Console.WriteLine($"    exceptions thrown and caught per mutation: {exceptions.Summary(count)}");
                foreach (var line in timeline.Report())
                {
                    Console.WriteLine(line);
                }
            }
        }
    }

    private static readonly Variant[] Variants =
    [
        new("as shipped (data folder outside the hosts' content root)", BusyTimeout: false, RecheckWithoutTimer: false, DataInsideContentRoot: false),
        new($"what if SqliteDatabase.Open set PRAGMA busy_timeout = {BusyTimeout.Milliseconds} (pool primed)", BusyTimeout: true, RecheckWithoutTimer: false, DataInsideContentRoot: false),
        new("what if, on top, read-your-writes re-checked every 100 us for 2 ms before its first timer pause", BusyTimeout: true, RecheckWithoutTimer: true, DataInsideContentRoot: false),
        new("data folder inside the hosts' content root, as the default .unbundled under the working directory", BusyTimeout: false, RecheckWithoutTimer: false, DataInsideContentRoot: true),
    ];

    /// <summary>
    /// Wraps the API's read model (the Projector's is untouched) to count read-your-writes reads (the SQLite reads: the
    /// experiment's re-checks are counted too) and, for the experiment, to re-check without a timer.
    /// </summary>
    private static void CountReadModelReads(WebApplicationBuilder api, ReadModelReads reads, bool recheckWithoutTimer) =>
        api.Services.Decorate<ICustomerViews>(inner =>
        {
            var counted = new CountingCustomerViews(inner, reads);
            return recheckWithoutTimer ? new RecheckingCustomerViews(counted) : counted;
        });

    private sealed record Variant(string Name, bool BusyTimeout, bool RecheckWithoutTimer, bool DataInsideContentRoot);
}
