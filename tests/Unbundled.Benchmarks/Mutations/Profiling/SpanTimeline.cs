using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Unbundled.Messaging.Telemetry;

namespace Unbundled.Benchmarks.Mutations.Profiling;

/// <summary>
/// Listens to the messaging library's spans and lays each mutation's out on one timeline, from the moment the API starts
/// sending the command: when each endpoint picked its message up and when it was done.
/// </summary>
internal sealed class SpanTimeline : IDisposable
{
    private const string Send = "send InviteCustomer";
    private const string Decide = "process InviteCustomer";
    private const string Reply = "process InviteCustomerResponse";
    private const string Project = "process CustomerInvited";

    private readonly ConcurrentQueue<Span> spans = new();
    private readonly ActivityListener listener;

    public SpanTimeline()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MessagingDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => spans.Enqueue(new Span(activity.TraceId, activity.DisplayName, activity.StartTimeUtc, activity.Duration)),
        };
        ActivitySource.AddActivityListener(listener);
    }

    public void Clear() => spans.Clear();

    /// <summary>Milliseconds after the send began, median and p90 over the mutations whose four spans were all seen.</summary>
    public IEnumerable<string> Report()
    {
        var mutations = spans.GroupBy(span => span.TraceId)
            .Select(trace => trace.GroupBy(span => span.Name).ToDictionary(named => named.Key, named => named.First()))
            .Where(named => named.ContainsKey(Send) && named.ContainsKey(Decide) && named.ContainsKey(Reply) && named.ContainsKey(Project))
            .ToList();
        yield return $"    timeline of {mutations.Count} mutations, ms after the API began sending the command: median / p90";

        string Row(string what, Func<Dictionary<string, Span>, TimeSpan> at)
        {
            var values = mutations.Select(m => at(m).TotalMilliseconds).Order().ToArray();
            return string.Create(CultureInfo.InvariantCulture, $"      {what,-52} {Percentile(values, 50),8:0.000} / {Percentile(values, 90),8:0.000}");
        }

        TimeSpan Since(Dictionary<string, Span> m, DateTime at) => at - m[Send].Start;
        yield return Row("command file written (send span ends)", m => Since(m, m[Send].End));
        yield return Row("Customers starts processing the command", m => Since(m, m[Decide].Start));
        yield return Row("Customers done (outbox, SQLite, dispatch)", m => Since(m, m[Decide].End));
        yield return Row("API starts processing the reply", m => Since(m, m[Reply].Start));
        yield return Row("API done with the reply (request completes)", m => Since(m, m[Reply].End));
        yield return Row("Projector starts processing the event", m => Since(m, m[Project].Start));
        yield return Row("Projector done (read model written)", m => Since(m, m[Project].End));
        yield return Row("  of which Customers processing alone", m => m[Decide].Duration);
        yield return Row("  of which Projector processing alone", m => m[Project].Duration);
        yield return Row("  projection visible after the reply (end - end)", m => m[Project].End - m[Reply].End);
    }

    public void Dispose() => listener.Dispose();

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private readonly record struct Span(ActivityTraceId TraceId, string Name, DateTime Start, TimeSpan Duration)
    {
        public DateTime End => Start + Duration;
    }
}
