using System.Text.Json;
using Amazon.SQS.Model;
using Unbundled.Messaging.AmazonSqs.Tests.Conformance;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Transport;

/// <summary>What NServiceBus.AmazonSQS also accepts (docs/wire-format.md §1.3): unwrapped and native messages, and what it cannot read.</summary>
public sealed class When_a_foreign_message_arrives : TransportTest<SqsWorld>
{
    [Fact]
    public async Task An_unwrapped_message_with_its_headers_in_an_attribute_is_handled()
    {
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());
        using var queue = await RawQueue.Existing(World.Prefix + "Receiver");
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = "unwrapped-1",
            [Headers.EnclosedMessageTypes] = typeof(DoSomething).FullName!,
        };

        await queue.Send("""{"Text":"unwrapped"}""", new() { ["NServiceBus.AmazonSQS.Headers"] = String(JsonSerializer.Serialize(headers)) });

        var observed = await Observations.Next();
        Assert.Equal(new DoSomething("unwrapped"), observed.Message);
        Assert.Equal("unwrapped-1", observed.Headers[Headers.MessageId]);
    }

    [Fact]
    public async Task A_native_message_naming_its_type_is_handled()
    {
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());
        using var queue = await RawQueue.Existing(World.Prefix + "Receiver");

        await queue.Send("""{"Text":"native"}""", new() { ["MessageTypeFullName"] = String(typeof(DoSomething).FullName!) });

        Assert.Equal(new DoSomething("native"), (await Observations.Next()).Message);
    }

    [Fact]
    public async Task A_plain_message_without_headers_goes_to_error_with_fault_headers()
    {
        var errors = await SpyOn("error");
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());
        using var queue = await RawQueue.Existing(World.Prefix + "Receiver");

        await queue.Send("""{"Text":"who am I"}""");

        var failed = await errors.Next();
        Assert.Equal(typeof(MessageDeserializationException).FullName, failed.Headers[FaultsHeaderKeys.ExceptionType]);
        Assert.Equal("""{"Text":"who am I"}""", System.Text.Encoding.UTF8.GetString(failed.Body.Span));
    }

    [Fact]
    public async Task A_message_whose_body_is_in_S3_moves_to_error_exactly_as_it_came()
    {
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());
        using var queue = await RawQueue.Existing(World.Prefix + "Receiver");
        using var error = await RawQueue.Existing(World.Prefix + "error");
        var body = """{"Body":"","S3BodyKey":"bodies/s3-1","Headers":{"NServiceBus.MessageId":"s3-1"}}""";

        await queue.Send(body, new() { ["NServiceBus.MessageId"] = String("s3-1") });

        var moved = await error.ReceiveOne();
        Assert.Equal(body, moved.Body);
        Assert.Equal("s3-1", moved.MessageAttributes["NServiceBus.MessageId"].StringValue);
    }

    private static MessageAttributeValue String(string value) => new() { DataType = "String", StringValue = value };
}
