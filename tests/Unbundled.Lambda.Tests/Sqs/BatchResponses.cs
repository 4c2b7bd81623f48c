using System.Text.Json;
using Unbundled.Lambda.Harness;
using Unbundled.Lambda.Sqs;

namespace Unbundled.Lambda.Tests.Sqs;

internal static class BatchResponses
{
    /// <summary>The item identifiers of a partial batch response.</summary>
    public static IReadOnlyList<string> Failures(InvocationResult result) =>
        [.. JsonSerializer.Deserialize(result.Payload, SqsEventJson.Default.SqsBatchResponse)!.BatchItemFailures.Select(f => f.ItemIdentifier)];
}
