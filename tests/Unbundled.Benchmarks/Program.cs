using Unbundled.Benchmarks.Mutations;
using Unbundled.Benchmarks.Mutations.Profiling;
using Unbundled.Benchmarks.Transport;

// Benchmarks are programs, not tests: they print figures for docs, they do not pass or fail.
var command = args.FirstOrDefault() ?? "help";
switch (command)
{
    case "transport":
        var root = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "unbundled-bench");
        var messages = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        await EmbeddedTransportBenchmark.Run(root, messages);
        break;
    case "mutations":
        var options = MutationsOptions.Parse(args[1..]);
        await (options.Profile ? MutationsProfile.Run(options)
            : options.SustainSeconds > 0 ? SustainedRun.Run(options)
            : MutationsBenchmark.Run(options));
        break;
    case "lambda-cold-start":
        await Unbundled.Benchmarks.Lambda.ColdStartBenchmark.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
        break;
    default:
        Console.WriteLine("usage: transport [queue-root] [messages]   embedded transport latency and throughput");
        Console.WriteLine($"       {MutationsOptions.Usage}");
        Console.WriteLine("           InviteCustomer over HTTP/GraphQL: ours vs the same flow on MassTransit's in-memory bus");
        Console.WriteLine($"       {Unbundled.Benchmarks.Lambda.ColdStartBenchmark.Usage}");
        break;
}
