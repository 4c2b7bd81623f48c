using System.Text;
using Unbundled.Messaging.Serialization;
using Unbundled.Messaging.Tests.Messages;

namespace Unbundled.Messaging.Tests.Serialization;

/// <summary>Enums on the wire as NServiceBus's SystemJsonSerializer puts them (numbers), and as name-writing senders do.</summary>
public sealed class When_a_body_carries_an_enum
{
    private readonly SystemJsonMessageSerializer serializer = new();

    [Fact]
    public void Should_write_its_number()
    {
        var body = Encoding.UTF8.GetString(serializer.Serialize(new Order(OrderStatus.Accepted, null)));

        Assert.Equal("""{"Status":7,"Previous":null}""", body);
    }

    [Theory]
    [InlineData("""{"Status":7,"Previous":0}""")]
    [InlineData("""{"Status":"Accepted","Previous":"Pending"}""")]
    [InlineData("""{"Status":"accepted","Previous":"pending"}""")]
    public void Should_read_its_number_or_its_name(string body)
    {
        var order = (Order)serializer.Deserialize(Encoding.UTF8.GetBytes(body), typeof(Order));

        Assert.Equal(new Order(OrderStatus.Accepted, OrderStatus.Pending), order);
    }

    [Theory]
    [InlineData("""{"Status":"Shipped"}""")]
    [InlineData("""{"Status":"7"}""")]
    [InlineData("""{"Status":true}""")]
    public void Should_refuse_what_is_neither(string body) =>
        Assert.Throws<MessageDeserializationException>(() => serializer.Deserialize(Encoding.UTF8.GetBytes(body), typeof(Order)));

    public sealed record Order(OrderStatus Status, OrderStatus? Previous);
}
