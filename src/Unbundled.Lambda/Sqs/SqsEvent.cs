using System.Text.Json.Serialization;

namespace Unbundled.Lambda.Sqs;

/// <summary>The event an SQS event source mapping invokes a function with (docs/lambda.md#sqs-event).</summary>
public sealed record SqsEvent([property: JsonPropertyName("Records")] IReadOnlyList<SqsEventRecord> Records);

public sealed record SqsEventRecord(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("receiptHandle")] string ReceiptHandle,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("attributes")] IReadOnlyDictionary<string, string>? Attributes,
    [property: JsonPropertyName("messageAttributes")] IReadOnlyDictionary<string, SqsEventMessageAttribute>? MessageAttributes,
    [property: JsonPropertyName("md5OfBody")] string? Md5OfBody,
    [property: JsonPropertyName("eventSource")] string? EventSource,
    [property: JsonPropertyName("eventSourceARN")] string? EventSourceArn,
    [property: JsonPropertyName("awsRegion")] string? AwsRegion);

/// <summary>A message attribute as the event spells it: camel case, binary values in Base64.</summary>
public sealed record SqsEventMessageAttribute(
    [property: JsonPropertyName("dataType")] string DataType,
    [property: JsonPropertyName("stringValue")] string? StringValue,
    [property: JsonPropertyName("binaryValue")] string? BinaryValue)
{
    [JsonPropertyName("stringListValues")]
    public IReadOnlyList<string> StringListValues { get; init; } = [];

    [JsonPropertyName("binaryListValues")]
    public IReadOnlyList<string> BinaryListValues { get; init; } = [];
}

/// <summary>The partial batch response (<c>ReportBatchItemFailures</c>): the records the event source must not delete.</summary>
public sealed record SqsBatchResponse([property: JsonPropertyName("batchItemFailures")] IReadOnlyList<SqsBatchItemFailure> BatchItemFailures);

public sealed record SqsBatchItemFailure([property: JsonPropertyName("itemIdentifier")] string ItemIdentifier);

[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SqsBatchResponse))]
public sealed partial class SqsEventJson : JsonSerializerContext;
