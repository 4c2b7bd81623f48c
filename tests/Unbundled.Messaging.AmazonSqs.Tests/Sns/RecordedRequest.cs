namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

internal sealed record RecordedRequest(HttpMethod Method, string? Authorization, string? AmzDate, string? ContentType, string Body);
