using System.Diagnostics;
using System.Globalization;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// The <c>load-client</c> command: the benchmark's HTTP client in a process of its own, so that the system's process
/// spends CPU only on serving, as it would behind an external load generator (issue 13 measured the server's CPU so,
/// with wrk). It warms up, says <c>ready</c>, waits for <c>go</c> on its input, sends its mutations, and prints what
/// <see cref="ExternalLoad"/> reads back: every latency, the elapsed time, its own CPU time and the customers invited.
/// </summary>
internal static class LoadClient
{
    public const string Command = "load-client";

    public static async Task Run(IReadOnlyList<string> args)
    {
        var (baseAddress, count, concurrency, prefix, warmUp) =
            (new Uri(args[0]), Number(args[1]), Number(args[2]), args[3], Number(args[4]));
        using var client = new GraphQLInviteClient(baseAddress);
        var emails = new Emails(prefix);
        var invited = new List<(Guid Id, string Email)>();
        async Task Invite()
        {
            var email = emails.Next();
            var id = await client.Invite(email);
            lock (invited)
            {
                invited.Add((id, email));
            }
        }

        // Twice: tiered compilation recompiles the client's hot methods only once its first calls have gone quiet.
        for (var pass = 0; pass < 2; pass++)
        {
            await Load.Drive(warmUp, concurrency, _ => Invite());
            await JitSettling.Wait();
        }

        Console.WriteLine("ready");
        if (Console.ReadLine() != "go")
        {
            return;
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var measured = await Load.Drive(count, concurrency, _ => Invite());
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine("latencies " + string.Join(',', measured.Latency.All().Select(ms => ms.ToString("R", CultureInfo.InvariantCulture))));
        Console.WriteLine(FormattableString.Invariant($"elapsed {count / measured.Throughput} cpu {clientCpu}"));
        foreach (var (id, email) in invited)
        {
            Console.WriteLine($"invited {id} {email}");
        }

        Console.WriteLine("done");
    }

    private static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
