namespace Unbundled.Lambda.Harness.EventSources;

/// <summary>An SQS event source mapping's settings, with Lambda's defaults (docs/lambda.md#event-source-mapping).</summary>
/// <param name="BatchSize">Records per invocation at most (1–10,000; above 10 needs a batching window).</param>
/// <param name="MaximumBatchingWindow">How long the poller gathers records before it invokes (0–300 s).</param>
/// <param name="MaximumConcurrency">Concurrent invocations this mapping may make (2–1,000).</param>
/// <param name="PollWait">The long poll of each receive; Lambda's pollers wait 20 s.</param>
public sealed record EventSourceMappingSettings(
    int BatchSize = 10,
    TimeSpan MaximumBatchingWindow = default,
    int MaximumConcurrency = 2,
    TimeSpan? PollWait = null)
{
    public TimeSpan Wait => PollWait ?? TimeSpan.FromSeconds(20);
}
