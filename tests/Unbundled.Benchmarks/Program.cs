using Unbundled.Benchmarks.Mutations;
using Unbundled.Benchmarks.Mutations.Profiling;
using Unbundled.Benchmarks.Transport;

// Benchmarks are programs, not tests: they print figures for docs, they do not pass or fail.
var command = args.FirstOrDefault() ?? "help";
switch (command)
{
    case "transport":
        // transport [queue-root] [messages] [--only embedded|rebus-files]
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        if (args.Contains("--only") && !TransportBenchmark.Transports.Contains(only))
        {
            throw new ArgumentException($"--only takes one of {string.Join(", ", TransportBenchmark.Transports)}.");
        }

        var positional = args.Skip(1).Where(a => a != "--only" && a != only).ToArray();
        var root = positional.Length > 0 ? positional[0] : Path.Combine(Path.GetTempPath(), "unbundled-bench");
        var messages = positional.Length > 1 ? int.Parse(positional[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        await TransportBenchmark.Run(root, messages, only);
        break;
    case "mutations":
        var options = MutationsOptions.Parse(args[1..]);
        await (options.Profile ? MutationsProfile.Run(options)
            : options.SustainSeconds > 0 ? SustainedRun.Run(options)
            : MutationsBenchmark.Run(options));
        break;
    case LoadClient.Command:
        await LoadClient.Run(args[1..]);
        break;
    case "lambda-cold-start":
        await Unbundled.Benchmarks.Lambda.ColdStartBenchmark.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
        break;
    case "lambda-mutations":
        await Unbundled.Benchmarks.Lambda.MutationLatencyBenchmark.Run(
            args[1], args.Length > 2 && int.TryParse(args[2], System.Globalization.CultureInfo.InvariantCulture, out var count) ? count : 200, args.Contains("--timeline"));
        break;
    default:
        Console.WriteLine("usage: transport [queue-root] [messages] [--only embedded|rebus-files]");
        Console.WriteLine("           file-system transports, ours and Rebus's: latency and throughput");
        Console.WriteLine($"       {MutationsOptions.Usage}");
        Console.WriteLine("           InviteCustomer over HTTP/GraphQL: ours vs the same flow on Wolverine + SQLite, MassTransit's in-memory bus and no bus");
        Console.WriteLine($"       {Unbundled.Benchmarks.Lambda.ColdStartBenchmark.Usage}");
        Console.WriteLine($"       {Unbundled.Benchmarks.Lambda.MutationLatencyBenchmark.Usage}");
        break;
}
