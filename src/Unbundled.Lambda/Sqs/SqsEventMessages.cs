using Amazon.SQS.Model;

namespace Unbundled.Lambda.Sqs;

/// <summary>
/// An event record as the SQS message a receive would have returned, so that the SQS transport's own reader turns it into
/// our received message: the same envelope, headers and classification (docs/lambda.md#sqs-event).
/// </summary>
internal static class SqsEventMessages
{
    public static Message ToMessage(SqsEventRecord record) => new()
    {
        MessageId = record.MessageId,
        ReceiptHandle = record.ReceiptHandle,
        Body = record.Body,
        MD5OfBody = record.Md5OfBody,
        Attributes = record.Attributes?.ToDictionary() ?? [],
        MessageAttributes = record.MessageAttributes?.ToDictionary(a => a.Key, a => new MessageAttributeValue
        {
            DataType = a.Value.DataType,
            StringValue = a.Value.StringValue,
            BinaryValue = a.Value.BinaryValue is { } binary ? new MemoryStream(Convert.FromBase64String(binary)) : null,
        }) ?? [],
    };
}
