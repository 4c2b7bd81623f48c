using Unbundled.Testing.Aws;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

/// <summary>fauxqs accepts unsigned requests, so the signature is checked on the wire, below the signing handler.</summary>
public sealed class When_a_request_is_signed(AwsEmulatorsFixture aws) : IClassFixture<AwsEmulatorsFixture>
{
    [Fact]
    public async Task It_carries_a_SigV4_authorization_for_sns_in_the_region()
    {
        using var recorder = new RecordingHandler();
        using var sns = aws.Emulators.CreateSnsClient(recorder);

        await sns.CreateTopic(NamePrefix.Create() + "Signed");

        var request = Assert.Single(recorder.Requests);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=test/", request.Authorization, StringComparison.Ordinal);
        Assert.Contains("/us-east-1/sns/aws4_request", request.Authorization, StringComparison.Ordinal);
        Assert.Matches("SignedHeaders=[^,]*host[^,]*x-amz-date", request.Authorization);
        Assert.Matches("Signature=[0-9a-f]{64}$", request.Authorization);
        Assert.NotNull(request.AmzDate);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.StartsWith("Action=CreateTopic&Version=2010-03-31&Name=", request.Body, StringComparison.Ordinal);
    }
}
