using System.Net;
using Unbundled.Messaging.AmazonSqs.Sns;
using Unbundled.Testing.Aws;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

public sealed class When_publishing_to_a_missing_topic(AwsEmulatorsFixture aws) : SnsTestContext(aws)
{
    [Fact]
    public async Task Publish_fails_with_NotFound()
    {
        var missing = $"arn:aws:sns:us-east-1:000000000000:{Prefix}Missing";

        var error = await Assert.ThrowsAsync<SnsException>(() => Sns.Publish(missing, "lost"));

        Assert.Equal(("NotFound", HttpStatusCode.NotFound), (error.Code, error.StatusCode));
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_batch_fails_with_NotFound()
    {
        var missing = $"arn:aws:sns:us-east-1:000000000000:{Prefix}Missing";

        var error = await Assert.ThrowsAsync<SnsException>(() => Sns.PublishBatch(missing, [new SnsBatchEntry("1", "lost")]));

        Assert.Equal("NotFound", error.Code);
    }
}
