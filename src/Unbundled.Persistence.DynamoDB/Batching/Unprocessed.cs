namespace Unbundled.Persistence.DynamoDB.Batching;

/// <summary>
/// What a batch call left unprocessed (DynamoDB's answer to throttling or a size limit) is asked for again after an
/// exponential pause, as AWS recommends; a batch that still has leftovers after a few tries fails, and with it the
/// messages that waited on it, which their transport retries.
/// </summary>
internal static class Unprocessed
{
    private const int MaxAttempts = 8;

    public static Task Backoff(int attempt, string what) =>
        attempt < MaxAttempts
            ? Task.Delay(TimeSpan.FromMilliseconds(5 << Math.Min(attempt, 6)))
            : throw new InvalidOperationException($"DynamoDB left {what} of a batch unprocessed {MaxAttempts} times in a row.");
}
