using Unbundled.Messaging.AmazonSqs.Naming;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Naming;

public sealed class QueueNameGeneratorTests
{
    [Theory]
    [InlineData("Sales.Orders", "Sales-Orders")]
    [InlineData("Particular.ServiceControl", "Particular-ServiceControl")]
    [InlineData("Particular.Monitoring", "Particular-Monitoring")]
    [InlineData("error", "error")]
    [InlineData("audit", "audit")]
    [InlineData("Sales@machine/1 x", "Sales-machine-1-x")]
    [InlineData("under_score-and-dash", "under_score-and-dash")]
    public void Replaces_every_character_SQS_does_not_allow(string destination, string expected) =>
        Assert.Equal(expected, QueueNameGenerator.GetQueueName(destination));

    [Fact]
    public void Prepends_the_prefix() =>
        Assert.Equal("DEV-Sales-Orders", QueueNameGenerator.GetQueueName("Sales.Orders", "DEV-"));

    [Fact]
    public void Sanitizes_the_prefix_too() =>
        Assert.Equal("dev-Sales", QueueNameGenerator.GetQueueName("Sales", "dev."));

    [Fact]
    public void Does_not_prefix_a_name_that_already_has_the_prefix()
    {
        var once = QueueNameGenerator.GetQueueName("Sales.Orders", "DEV-");

        Assert.Equal(once, QueueNameGenerator.GetQueueName(once, "DEV-"));
    }

    [Fact]
    public void Keeps_a_trailing_fifo_suffix() =>
        Assert.Equal("DEV-Sales-Orders.fifo", QueueNameGenerator.GetQueueName("Sales.Orders.fifo", "DEV-"));

    [Fact]
    public void Replaces_non_ascii_letters_which_SQS_rejects() =>
        Assert.Equal("Caf--Orders", QueueNameGenerator.GetQueueName("Café.Orders"));

    [Fact]
    public void Accepts_exactly_80_characters() =>
        Assert.Equal(80, QueueNameGenerator.GetQueueName(new string('q', 76), "DEV-").Length);

    [Fact]
    public void Rejects_more_than_80_characters_with_the_prefix()
    {
        var error = Assert.Throws<ArgumentException>(() => QueueNameGenerator.GetQueueName(new string('q', 77), "DEV-"));

        Assert.Contains("80", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Rejects_an_empty_destination(string destination) =>
        Assert.ThrowsAny<ArgumentException>(() => QueueNameGenerator.GetQueueName(destination));
}
