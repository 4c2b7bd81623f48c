using System.Net;
using Unbundled.Messaging.AmazonSqs.Sns;
using Unbundled.Testing.Aws;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

public sealed class When_a_topic_is_created(AwsEmulatorsFixture aws) : SnsTestContext(aws)
{
    [Fact]
    public async Task Creating_it_again_returns_the_same_arn()
    {
        var first = await Sns.CreateTopic(Prefix + "MyCompany-Sales-OrderPlaced");
        var second = await Sns.CreateTopic(Prefix + "MyCompany-Sales-OrderPlaced");

        Assert.Equal(first, second);
        Assert.Equal($"arn:aws:sns:us-east-1:000000000000:{Prefix}MyCompany-Sales-OrderPlaced", first);
    }

    [Fact]
    public async Task Its_attributes_name_its_arn()
    {
        var topicArn = await Sns.CreateTopic(Prefix + "Attributes");

        var attributes = await Sns.GetTopicAttributes(topicArn);

        Assert.Equal(topicArn, attributes["TopicArn"]);
    }

    [Fact]
    public async Task After_deleting_it_it_is_not_found()
    {
        var topicArn = await Sns.CreateTopic(Prefix + "Deleted");

        await Sns.DeleteTopic(topicArn);

        var error = await Assert.ThrowsAsync<SnsException>(() => Sns.GetTopicAttributes(topicArn));
        Assert.Equal(("NotFound", HttpStatusCode.NotFound), (error.Code, error.StatusCode));
    }
}
