using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// Counts the HTTP requests the process sends to the AWS stand-ins, by operation, through HttpClient's diagnostic events:
/// the SDK clients name theirs in <c>X-Amz-Target</c> (<c>AmazonSQS.SendMessage</c>, <c>DynamoDB_20120810.GetItem</c>);
/// our SNS client posts a form, counted as <c>SNS</c>. The benchmark's own GraphQL requests carry neither.
/// </summary>
internal sealed class AwsRequestCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string RequestEvent = "System.Net.Http.Request";

    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly List<IDisposable> subscriptions = [];

    public AwsRequestCounter() => subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public Dictionary<string, int> Snapshot() => new(counts);

    /// <summary>Requests per mutation since <paramref name="before"/>, by service and operation, most frequent first.</summary>
    public string PerMutation(Dictionary<string, int> before, int mutations)
    {
        var delta = counts.Select(pair => (pair.Key, Count: pair.Value - before.GetValueOrDefault(pair.Key))).Where(pair => pair.Count > 0).ToList();
        string Share(int count) => ((double)count / mutations).ToString("0.00", CultureInfo.InvariantCulture);
        var services = delta.GroupBy(pair => pair.Key.Split('.')[0]).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group =>
            $"{group.Key} {Share(group.Sum(pair => pair.Count))} ({string.Join(", ", group.OrderByDescending(pair => pair.Count).Select(pair => $"{pair.Key.Split('.')[1]} {Share(pair.Count)}"))})");
        return $"AWS requests per mutation: {Share(delta.Sum(pair => pair.Count))} = {string.Join("; ", services)}";
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "HttpHandlerDiagnosticListener")
        {
            lock (subscriptions)
            {
                // Only the one event we read: enabling the others would make HttpClient create an Activity per request, CPU
                // that is the counter's, not the system's.
                subscriptions.Add(listener.Subscribe(this, name => name == RequestEvent));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RequestEvent || value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) is not HttpRequestMessage request)
        {
            return;
        }

        var operation = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.First() : null;
        var name = operation switch
        {
            not null when operation.StartsWith("AmazonSQS.", StringComparison.Ordinal) => "SQS." + operation["AmazonSQS.".Length..],
            not null when operation.StartsWith("DynamoDB_", StringComparison.Ordinal) => "DynamoDB." + operation[(operation.IndexOf('.', StringComparison.Ordinal) + 1)..],
            null when request.Content?.Headers.ContentType?.MediaType == "application/x-www-form-urlencoded" => "SNS.Query",
            _ => null,
        };
        if (name is not null)
        {
            counts.AddOrUpdate(name, 1, (_, count) => count + 1);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (subscriptions)
        {
            subscriptions.ForEach(subscription => subscription.Dispose());
        }
    }
}
