using System.Text.Json;
using Unbundled.Lambda.Harness;
using Unbundled.Lambda.Http;
using Unbundled.LocalAws;

namespace Unbundled.Benchmarks.Lambda;

/// <summary>
/// The cold start of a function of the Lambda shell through the harness: from the process start to its first response,
/// a new execution environment each run, for the API (a GraphQL query), Customers and Projector (an empty SQS batch).
/// </summary>
internal static class ColdStartBenchmark
{
    public const string Usage = "lambda-cold-start <bootstrap: executable or .dll> [runs]   process start to first response of the api, customers and projector functions";

    public static async Task Run(string bootstrap, int runs)
    {
        using var standIns = await LocalAwsStandIns.Start();
        var options = new LambdaLocalOptions(Path.GetFullPath(bootstrap), standIns.SqsServiceUrl, standIns.SnsServiceUrl, standIns.DynamoDbServiceUrl)
        {
            NamePrefix = "cold-",
            Settings = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" },
        };
        var emptyBatch = """{"Records":[]}"""u8.ToArray();
        foreach (var (handler, payload) in new[] { ("api", QueryEvent()), ("customers", emptyBatch), ("projector", emptyBatch) })
        {
            var durations = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                await using var function = new LocalFunction(options.Function(handler, handler));
                var result = await function.Invoke(payload);
                if (!result.Succeeded || !result.ColdStart)
                {
                    throw new InvalidOperationException($"{handler}: {result.Outcome} {result.Error}");
                }

                durations.Add(result.Duration.TotalMilliseconds);
            }

            durations.Sort();
            Console.WriteLine($"{handler}: cold start p50 {durations[durations.Count / 2]:0} ms, min {durations[0]:0} ms, max {durations[^1]:0} ms over {runs} runs ({bootstrap})");
        }
    }

    private static byte[] QueryEvent() => JsonSerializer.SerializeToUtf8Bytes(new HttpEvent(
        "2.0", "/graphql", "query=%7B__typename%7D", [], new Dictionary<string, string> { ["host"] = "localhost" },
        new HttpEventContext("localhost", new HttpEventRequest("GET", "/graphql", "HTTP/1.1", "127.0.0.1", "bench"), "cold", 0),
        null, false), HttpEventJson.Default.HttpEvent);
}
