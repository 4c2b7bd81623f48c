using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Unbundled.Benchmarks.Mutations;
using Unbundled.Lambda.Harness;
using Unbundled.LocalAws;

namespace Unbundled.Benchmarks.Lambda;

/// <summary>
/// InviteCustomer through the Lambda shell's local harness on the stand-ins, one at a time (one API environment, one
/// invocation at a time, as Lambda runs it): the latency of each mutation from the client, after warm environments.
/// With <c>--timeline</c> the API function's mutation timelines (category <c>Unbundled.Timeline</c>) are printed.
/// </summary>
internal static class MutationLatencyBenchmark
{
    public const string Usage = "lambda-mutations <bootstrap: executable or .dll> [mutations] [--timeline]   InviteCustomer latency through the Lambda harness";

    public static async Task Run(string bootstrap, int mutations, bool timeline)
    {
        using var standIns = await LocalAwsStandIns.Start();
        using var logging = LoggerFactory.Create(builder => builder.AddSimpleConsole().SetMinimumLevel(timeline ? LogLevel.Information : LogLevel.Warning)
            .AddFilter("Unbundled.Lambda", timeline ? LogLevel.Information : LogLevel.Warning));
        await using var system = await LambdaLocalSystem.Start(new LambdaLocalOptions(Path.GetFullPath(bootstrap), standIns.SqsServiceUrl, standIns.SnsServiceUrl, standIns.DynamoDbServiceUrl)
        {
            NamePrefix = $"bench-{Guid.NewGuid():N}"[..14] + "-",
            Settings = new Dictionary<string, string>
            {
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Unbundled.Timeline"] = timeline ? "Information" : "Warning",
            },
        }, logging);
        using var client = new GraphQLInviteClient(system.ApiAddress);
        // Warm-up: the first mutations JIT the paths and create the API environment's reply queue.
        for (var i = 0; i < 20; i++)
        {
            await client.Invite($"warm-{Guid.NewGuid():N}@example.com");
        }

        var latencies = new List<double>(mutations);
        for (var i = 0; i < mutations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await client.Invite($"bench-{Guid.NewGuid():N}@example.com");
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        latencies.Sort();
        Console.WriteLine($"lambda-local: {mutations} mutations one at a time: p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms ({bootstrap})");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
