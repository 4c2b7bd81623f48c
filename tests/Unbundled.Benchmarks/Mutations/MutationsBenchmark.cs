using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using Unbundled.Api.GraphQL;
using Unbundled.Benchmarks.Mutations.Peer;
using Unbundled.Benchmarks.Mutations.WolverineSqlite;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// <c>InviteCustomer</c> end to end in one process: ours (UnbundledSystem on the embedded shell), the same flow on
/// Wolverine with its SQLite inbox and outbox (the command durable or invoked inline), on MassTransit's in-memory bus, and a
/// no-bus baseline; all behind the same GraphQL front. Each is
/// driven over HTTP and, to take HTTP and GraphQL out, by calling the mutation resolver in process. The systems run one
/// after the other, each alone in the process while it is measured.
/// </summary>
internal static class MutationsBenchmark
{
    /// <summary>Over HTTP from a load client in a process of its own: CPU and allocations are then the server's alone.</summary>
    public const string ExternalFront = "http-ext";

    public static async Task Run(MutationsOptions options)
    {
        Console.WriteLine(
            $"InviteCustomer mutations, {Environment.ProcessorCount} cores: {options.Count} per run at concurrency {options.Concurrency}, "
            + $"{options.SequentialCount} at concurrency 1, {options.WarmUp} to warm up{(options.Quick ? " (quick)" : "")}");
        Console.WriteLine("  ours        UnbundledSystem: API, Customers, Projector on file-system queues + SQLite, with the defaults a user gets");
        Console.WriteLine("              (audit, heartbeats, custom checks, metrics); durable: SQLite WAL, synchronous = NORMAL, message files not fsynced");
        Console.WriteLine("  ours-off    the same with audit, heartbeats, custom checks and metrics off (the peers have none of them)");
        Console.WriteLine("  masstransit MassTransit 8.5.12 in-memory bus, same domain, in-memory claims and read model");
        Console.WriteLine("  wolverine-durable Wolverine 6.64 + SQLite: command on a durable local queue, claim and outbox in one transaction,");
        Console.WriteLine("              event on a durable local queue to the projector, views in SQLite (WAL, synchronous = NORMAL: durable as ours)");
        Console.WriteLine("  wolverine-invoke  the same, the command invoked inline (InvokeAsync): only the event is durable");
        Console.WriteLine("  masstransit and no-bus keep nothing: a crash loses every claim and view");
        Console.WriteLine("  no-bus      baseline: the resolver decides and projects on the spot (no messaging, no storage)");
        Console.WriteLine("  All behind the same API code: Kestrel, the GraphQL schema, InviteCustomerMutation and its read-your-writes wait.");
        Console.WriteLine("  http = POST /graphql over keep-alive HTTP from this process; direct = InviteCustomerMutation called in process;");
        Console.WriteLine("  http-ext = the same HTTP client in a process of its own: CPU and alloc are the server's alone (client's CPU beside)");

        // One system at a time, each started, warmed up, measured and stopped before the next starts: an idle system in
        // the process is a noisy neighbour too (MassTransit's in-memory bus showed up in allocation samples taken while
        // ours ran, and ours then allocated 87 KB per mutation instead of 51).
        var starts = new List<Func<Task<ISystemUnderTest>>>();
        if (options.Only is null or "ours")
        {
            starts.Add(async () => await OurSystem.Start());
        }

        if (options.Only is null or "ours-off")
        {
            starts.Add(async () => await OurSystem.StartWithoutPlatformFeatures());
        }

        if (options.Only is "ours-aws")
        {
            starts.Add(async () => await OurSystem.StartOnAwsLocal());
        }

        if (options.Only is null or "masstransit")
        {
            starts.Add(async () => await ApiFront.Start("masstransit", MassTransitPeer.AddTo));
        }

        if (options.Only is null or "wolverine-durable")
        {
            starts.Add(async () => await ApiFront.Start("wolverine-durable", WolverinePeer.For(WolverinePeer.Mode.Durable)));
        }

        if (options.Only is null or "wolverine-invoke")
        {
            starts.Add(async () => await ApiFront.Start("wolverine-invoke", WolverinePeer.For(WolverinePeer.Mode.Invoke)));
        }

        if (options.Only is null or "no-bus")
        {
            starts.Add(async () => await ApiFront.Start("no-bus", NoBusSession.AddTo));
        }

        var results = new List<LoadResult>();
        foreach (var start in starts)
        {
            await using var system = await start();
            using var runner = new Runner(system);
            results.AddRange(await Measure(runner, options));
            if (options.Check)
            {
                await runner.Check();
            }
            if (options.Only is "ours-aws")
            {
                // While the system still runs: the stand-ins live as long as it does.
                Console.WriteLine();
                var critical = await AwsCriticalPath.Measure(((OurSystem)system).StandIns);
                var sequential = results.Single(r => r.Front == "http" && r.Concurrency == 1).Latency.Percentile(50);
                Console.WriteLine($"  mutation p50 over HTTP at concurrency 1 = {sequential:0.00} ms = {sequential / critical:0.00}x the raw critical path");
            }
        }

        if (options.Only is null)
        {
            MutationsSummary.Print(results, options);
        }
    }

    /// <summary>Warms one system up until the JIT settles, then measures it over both fronts at both concurrencies.</summary>
    private static async Task<List<LoadResult>> Measure(Runner runner, MutationsOptions options)
    {
        // Tiered compilation counts calls only once start-up has gone quiet, so the first pass mostly leaves methods at
        // tier 0 and the measured runs would pay for their recompilation: warm up again until a pass compiles little.
        for (var pass = 1; pass <= 4; pass++)
        {
            var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            await runner.WarmUp(options);
            await JitSettling.Wait();
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore < 100)
            {
                break;
            }
        }

        // Only the AWS shell talks to AWS; its request counts say what a mutation costs there.
        using var awsRequests = options.Only is "ours-aws" ? new AwsRequestCounter() : null;
        var standInCpu = options.Only is "ours-aws" ? new StandInCpu(((OurSystem)runner.System).StandIns) : null;
        var results = new List<LoadResult>();
        foreach (var (front, concurrency, count) in new[]
        {
            ("http", 1, options.SequentialCount),
            ("http", options.Concurrency, options.Count),
            ("direct", 1, options.SequentialCount),
            ("direct", options.Concurrency, options.Count),
            (ExternalFront, options.Concurrency, options.Count),
        })
        {
            var before = awsRequests?.Snapshot();
            var standInsBefore = standInCpu?.Snapshot();
            var result = await runner.Measure(front, concurrency, count, options.WarmUp);
            Console.WriteLine(result.Line());
            if (awsRequests is not null && before is not null)
            {
                Console.WriteLine($"    {awsRequests.PerMutation(before, count)}");
            }

            if (standInCpu is not null && standInsBefore is { } cpuBefore)
            {
                Console.WriteLine($"    {standInCpu.PerMutation(cpuBefore, count, result.Measurement.CpuMilliseconds)}");
            }

            results.Add(result);
        }

        return results;
    }

    /// <summary>One system with its HTTP client and its own run of emails.</summary>
    private sealed class Runner(ISystemUnderTest system) : IDisposable
    {
        public ISystemUnderTest System => system;

        private readonly GraphQLInviteClient client = new(system.BaseAddress);
        private readonly Emails emails = new(system.Name);
        private readonly ConcurrentQueue<(Guid Id, string Email)> invited = new();

        /// <summary>Every path the runs take, at both concurrencies, so the JIT has seen them all.</summary>
        public async Task WarmUp(MutationsOptions options)
        {
            foreach (var concurrency in new[] { options.Concurrency, 1 })
            {
                var count = concurrency == 1 ? Math.Max(1, options.WarmUp / 4) : options.WarmUp;
                await Load.Drive(count, concurrency, _ => InviteOverHttp());
                await Load.Drive(count, concurrency, _ => InviteDirectly());
            }
        }

        public async Task<LoadResult> Measure(string front, int concurrency, int count, int warmUp)
        {
            if (front == ExternalFront)
            {
                var (external, clientCpu, invitedThere) = await ExternalLoad.Drive(
                    system.BaseAddress, count, concurrency, $"{system.Name}-ext{Guid.NewGuid():N}"[..(system.Name.Length + 12)], warmUp);
                foreach (var customer in invitedThere)
                {
                    invited.Enqueue(customer);
                }

                return new LoadResult(system.Name, front, concurrency, external) { ClientCpuMilliseconds = clientCpu };
            }

            GC.Collect();
            var measured = await Load.Drive(count, concurrency, _ => front == "http" ? InviteOverHttp() : InviteDirectly());
            return new LoadResult(system.Name, front, concurrency, measured);
        }

        /// <summary>Every customer invited on either front has its view; repeated and concurrent invites of one email are rejected.</summary>
        public Task Check() => Correctness.Check(system, client, [.. invited]);

        public void Dispose() => client.Dispose();

        private async Task InviteOverHttp()
        {
            var email = emails.Next();
            invited.Enqueue((await client.Invite(email), email));
        }

        private async Task InviteDirectly()
        {
            var email = emails.Next();
            await using var scope = system.ApiServices.CreateAsyncScope();
            var customer = await scope.ServiceProvider.GetRequiredService<InviteCustomerMutation>().InviteCustomer(email, CancellationToken.None);
            if (customer.Invited != true)
            {
                throw new InvalidOperationException($"InviteCustomer({email}) was not invited.");
            }

            invited.Enqueue((Guid.Parse(customer.Id), email));
        }
    }
}
