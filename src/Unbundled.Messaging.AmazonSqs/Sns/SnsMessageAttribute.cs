namespace Unbundled.Messaging.AmazonSqs.Sns;

/// <summary>An SNS message attribute; with raw delivery it arrives as the SQS message attribute of the same name and type.</summary>
/// <param name="DataType"><c>String</c>, <c>Number</c> or <c>String.Array</c>. Binary values are not needed by the transport.</param>
internal readonly record struct SnsMessageAttribute(string DataType, string StringValue)
{
    public static SnsMessageAttribute String(string value) => new("String", value);

    public static SnsMessageAttribute Number(string value) => new("Number", value);
}
