using Unbundled.Messaging.AmazonSqs.Naming;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Naming;

public sealed class TopicNameGeneratorTests
{
    [Fact]
    public void Uses_the_full_type_name_with_dots_replaced() =>
        Assert.Equal("MyCompany-Sales-OrderPlaced", TopicNameGenerator.GetTopicName(typeof(MyCompany.Sales.OrderPlaced)));

    [Fact]
    public void Prepends_the_prefix() =>
        Assert.Equal("DEV-MyCompany-Sales-OrderPlaced", TopicNameGenerator.GetTopicName(typeof(MyCompany.Sales.OrderPlaced), "DEV-"));

    [Fact]
    public void Replaces_the_plus_of_a_nested_type() =>
        Assert.Equal(
            "Unbundled-Messaging-AmazonSqs-Tests-Naming-TopicNameGeneratorTests-NestedEvent",
            TopicNameGenerator.GetTopicName(typeof(NestedEvent)));

    [Fact]
    public void Rejects_more_than_256_characters()
    {
        var prefix = new string('p', 257 - typeof(MyCompany.Sales.OrderPlaced).FullName!.Length);

        Assert.Throws<ArgumentException>(() => TopicNameGenerator.GetTopicName(typeof(MyCompany.Sales.OrderPlaced), prefix));
    }

    [Fact]
    public void Accepts_exactly_256_characters()
    {
        var prefix = new string('p', 256 - typeof(MyCompany.Sales.OrderPlaced).FullName!.Length);

        Assert.Equal(256, TopicNameGenerator.GetTopicName(typeof(MyCompany.Sales.OrderPlaced), prefix).Length);
    }

    private sealed record NestedEvent;
}
