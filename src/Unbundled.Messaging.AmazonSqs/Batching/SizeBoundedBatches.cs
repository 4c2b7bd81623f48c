namespace Unbundled.Messaging.AmazonSqs.Batching;

/// <summary>Splits messages into batches SQS and SNS accept: at most 10 entries and 256 KiB of payload in all.</summary>
internal static class SizeBoundedBatches
{
    public const int MaxEntries = 10;

    public static IEnumerable<List<T>> Of<T>(IReadOnlyList<T> messages, Func<T, int> size)
    {
        var batch = new List<T>(MaxEntries);
        var bytes = 0;
        foreach (var message in messages)
        {
            var length = size(message);
            if (batch.Count == MaxEntries || (batch.Count > 0 && bytes + length > TransportHeaders.MaximumMessageSize))
            {
                yield return batch;
                batch = new List<T>(MaxEntries);
                bytes = 0;
            }

            batch.Add(message);
            bytes += length;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
