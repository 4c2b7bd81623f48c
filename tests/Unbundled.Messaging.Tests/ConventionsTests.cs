using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Contracts;
using Unbundled.Messaging.Tests.Events;
using Unbundled.Messaging.Tests.Messages;

namespace Unbundled.Messaging.Tests;

public class ConventionsTests
{
    private readonly Conventions conventions = new();

    [Fact]
    public void By_default_a_type_in_a_Commands_namespace_is_a_command_only()
    {
        Assert.True(conventions.IsCommandType(typeof(PlaceOrder)));
        Assert.False(conventions.IsEventType(typeof(PlaceOrder)));
        Assert.True(conventions.IsMessageType(typeof(PlaceOrder)));
    }

    [Fact]
    public void By_default_a_type_in_an_Events_namespace_is_an_event_only()
    {
        Assert.True(conventions.IsEventType(typeof(OrderPlaced)));
        Assert.True(conventions.IsEventType(typeof(IOrderEvent)));
        Assert.False(conventions.IsCommandType(typeof(OrderPlaced)));
        Assert.True(conventions.IsMessageType(typeof(OrderPlaced)));
    }

    [Fact]
    public void By_default_a_type_in_a_Messages_namespace_is_a_message_but_neither_command_nor_event()
    {
        Assert.True(conventions.IsMessageType(typeof(OrderAccepted)));
        Assert.False(conventions.IsCommandType(typeof(OrderAccepted)));
        Assert.False(conventions.IsEventType(typeof(OrderAccepted)));
    }

    [Theory]
    [InlineData(typeof(Invoice))]
    [InlineData(typeof(DomainEvent))]
    [InlineData(typeof(ConventionsTests))]
    public void By_default_a_type_in_any_other_namespace_is_not_a_message(Type type) =>
        Assert.False(conventions.IsMessageType(type));

    [Fact]
    public void A_custom_command_convention_replaces_the_namespace_rule()
    {
        conventions.DefiningCommandsAs(type => type == typeof(Invoice));

        Assert.True(conventions.IsCommandType(typeof(Invoice)));
        Assert.False(conventions.IsMessageType(typeof(PlaceOrder)));
    }

    [Fact]
    public void A_custom_event_convention_replaces_the_namespace_rule()
    {
        conventions.DefiningEventsAs(type => type.Name.EndsWith("Invoice", StringComparison.Ordinal));

        Assert.True(conventions.IsEventType(typeof(Invoice)));
        Assert.False(conventions.IsEventType(typeof(OrderPlaced)));
    }

    [Fact]
    public void A_custom_message_convention_replaces_the_namespace_rule()
    {
        conventions.DefiningMessagesAs(type => type == typeof(Invoice));

        Assert.True(conventions.IsMessageType(typeof(Invoice)));
        Assert.False(conventions.IsCommandType(typeof(Invoice)));
        Assert.False(conventions.IsMessageType(typeof(OrderAccepted)));
    }

    [Fact]
    public void A_convention_set_after_a_type_was_classified_takes_effect()
    {
        Assert.False(conventions.IsCommandType(typeof(Invoice)));

        conventions.DefiningCommandsAs(type => type == typeof(Invoice));

        Assert.True(conventions.IsCommandType(typeof(Invoice)));
    }

    [Theory]
    [InlineData(typeof(int))]
    [InlineData(typeof(long))]
    [InlineData(typeof(bool))]
    [InlineData(typeof(string))]
    [InlineData(typeof(OrderStatus))]
    public void Primitives_strings_and_enums_are_never_messages(Type type)
    {
        conventions.DefiningCommandsAs(_ => true).DefiningEventsAs(_ => true).DefiningMessagesAs(_ => true);

        Assert.False(conventions.IsMessageType(type));
        Assert.True(conventions.IsMessageType(typeof(Invoice)));
    }
}
