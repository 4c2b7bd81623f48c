using System.Collections.Concurrent;
using Amazon.Runtime;

namespace Unbundled.Persistence.DynamoDB.Tests.Infrastructure;

/// <summary>Counts the requests a real client sends, by operation (<c>GetItem</c>, <c>PutItem</c>, ...): what DynamoDB bills.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<string> operations = new();

    public RequestLog(AmazonServiceClient client) =>
        client.BeforeRequestEvent += (_, e) =>
        {
            if (e is WebServiceRequestEventArgs request)
            {
                operations.Enqueue(request.Request.GetType().Name.Replace("Request", "", StringComparison.Ordinal));
            }
        };

    /// <summary>Operation names and counts since the last <see cref="Clear"/>, sorted by name, like <c>GetItem×2, PutItem×1</c>.</summary>
    public string Summary() => string.Join(", ", operations.GroupBy(o => o).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));

    public void Clear() => operations.Clear();
}
