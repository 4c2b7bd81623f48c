using Unbundled.Messaging.AmazonSqs.Sns;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

public sealed class ArnPatternTests
{
    [Theory]
    [InlineData("arn:aws:sns:us-east-1:1:DEV-*", "arn:aws:sns:us-east-1:1:DEV-Orders", true)]
    [InlineData("arn:aws:sns:us-east-1:1:DEV-*", "arn:aws:sns:us-east-1:1:PROD-Orders", false)]
    [InlineData("arn:aws:sns:us-east-1:1:*", "arn:aws:sns:us-east-1:1:Anything", true)]
    [InlineData("arn:aws:sns:*:1:Orders", "arn:aws:sns:eu-west-1:1:Orders", true)]
    [InlineData("arn:aws:sns:us-east-1:1:Order?", "arn:aws:sns:us-east-1:1:Orders", true)]
    [InlineData("arn:aws:sns:us-east-1:1:Orders", "arn:aws:sns:us-east-1:1:orders", false)]
    [InlineData("arn:aws:sns:us-east-1:1:DEV-*", "arn:aws:sns:us-east-1:1:DEV-*", true)]
    [InlineData("arn:aws:sns:us-east-1:1:DEV-*", "arn:aws:sns:us-east-1:1:DEV-Sales-*", false)]
    public void Covers_what_ArnLike_would_match(string pattern, string arn, bool covered) =>
        Assert.Equal(covered, ArnPattern.Covers(pattern, arn));
}
