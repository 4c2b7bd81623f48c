using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Events;
using Unbundled.Messaging.Tests.Messages;

namespace Unbundled.Messaging.Tests;

public class MessageTypeRegistryTests
{
    private readonly MessageTypeRegistry registry = new(new Conventions());

    [Fact]
    public void EnclosedMessageTypes_lists_the_concrete_type_then_message_interfaces_then_message_base_classes()
    {
        // PriorityOrderPlaced : OrderPlaced : DomainEvent, and implements IOrderEvent and IAuditable; DomainEvent and
        // IAuditable are not message types, so they stay off the wire.
        var expected = string.Join(';',
            typeof(PriorityOrderPlaced).AssemblyQualifiedName,
            typeof(IOrderEvent).AssemblyQualifiedName,
            typeof(OrderPlaced).AssemblyQualifiedName);

        Assert.Equal(expected, registry.EnclosedMessageTypesOf(typeof(PriorityOrderPlaced)));
    }

    [Fact]
    public void EnclosedMessageTypes_of_a_type_without_message_parents_is_its_assembly_qualified_name() =>
        Assert.Equal(typeof(PlaceOrder).AssemblyQualifiedName, registry.EnclosedMessageTypesOf(typeof(PlaceOrder)));

    [Fact]
    public void Resolve_finds_a_type_by_its_assembly_qualified_name() =>
        Assert.Equal(typeof(PlaceOrder), registry.Resolve(typeof(PlaceOrder).AssemblyQualifiedName!));

    [Fact]
    public void Resolve_returns_the_first_name_it_knows()
    {
        var header = $"Sales.Contracts.Unknown, Sales.Contracts;{typeof(PriorityOrderPlaced).AssemblyQualifiedName};{typeof(OrderPlaced).AssemblyQualifiedName}";

        Assert.Equal(typeof(PriorityOrderPlaced), registry.Resolve(header));
    }

    [Fact]
    public void Resolve_falls_back_to_the_full_name_when_the_sender_keeps_the_type_in_another_assembly()
    {
        registry.Register(typeof(OrderPlaced));

        var resolved = registry.Resolve("Unbundled.Messaging.Tests.Events.OrderPlaced, SomeOtherAssembly, Version=2.0.0.0, Culture=neutral, PublicKeyToken=null");

        Assert.Equal(typeof(OrderPlaced), resolved);
    }

    [Fact]
    public void Resolve_falls_back_to_the_full_name_of_a_generic_type_whose_arguments_contain_commas()
    {
        var type = typeof(Page<OrderAccepted>);
        registry.Register(type);

        var resolved = registry.Resolve($"{type.FullName}, SomeOtherAssembly, Version=2.0.0.0, Culture=neutral, PublicKeyToken=null");

        Assert.Contains(',', type.FullName!);
        Assert.Equal(type, resolved);
    }

    [Theory]
    [InlineData("Sales.Contracts.Unknown, Sales.Contracts, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null")]
    [InlineData("Unbundled.Messaging.Tests.Events.OrderPlaced, SomeOtherAssembly")]
    [InlineData("System.String, System.Private.CoreLib")]
    [InlineData("not a type name [[")]
    [InlineData("")]
    public void Resolve_returns_null_for_a_name_that_is_no_known_message_type(string enclosedMessageTypes) =>
        Assert.Null(registry.Resolve(enclosedMessageTypes));
}
