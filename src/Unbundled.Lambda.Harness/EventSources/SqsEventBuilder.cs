using System.Text.Json;
using Amazon.SQS.Model;
using Unbundled.Lambda.Sqs;

namespace Unbundled.Lambda.Harness.EventSources;

/// <summary>Received SQS messages as the event Lambda's poller invokes the function with (docs/lambda.md#sqs-event).</summary>
internal static class SqsEventBuilder
{
    public static byte[] Build(IReadOnlyList<Message> messages, string queueArn, string region) =>
        JsonSerializer.SerializeToUtf8Bytes(new SqsEvent([.. messages.Select(message => new SqsEventRecord(
            message.MessageId,
            message.ReceiptHandle,
            message.Body,
            message.Attributes ?? [],
            (message.MessageAttributes ?? []).ToDictionary(a => a.Key, a => new SqsEventMessageAttribute(
                a.Value.DataType, a.Value.StringValue, a.Value.BinaryValue is { } binary ? Convert.ToBase64String(binary.ToArray()) : null)),
            message.MD5OfBody,
            "aws:sqs",
            queueArn,
            region))]), SqsEventJson.Default.SqsEvent);

    /// <summary>
    /// The records to delete after an invocation: none when it failed; all but the reported failures otherwise; none when a
    /// reported identifier is empty or not in the batch, which Lambda takes as the whole batch failing.
    /// </summary>
    public static IReadOnlyList<Message> ToDelete(IReadOnlyList<Message> batch, InvocationResult result)
    {
        if (!result.Succeeded)
        {
            return [];
        }

        SqsBatchResponse? response = null;
        try
        {
            response = result.Payload.Length == 0 ? null : JsonSerializer.Deserialize(result.Payload, SqsEventJson.Default.SqsBatchResponse);
        }
        catch (JsonException)
        {
            // Not a batch response: Lambda counts the invocation as a success of every record.
        }

        var failures = response?.BatchItemFailures ?? [];
        var ids = batch.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        if (failures.Any(f => string.IsNullOrEmpty(f.ItemIdentifier) || !ids.Contains(f.ItemIdentifier)))
        {
            return [];
        }

        var failed = failures.Select(f => f.ItemIdentifier).ToHashSet(StringComparer.Ordinal);
        return [.. batch.Where(m => !failed.Contains(m.MessageId))];
    }
}
