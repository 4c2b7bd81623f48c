using System.Text;
using System.Text.Json;
using Unbundled.Messaging.AmazonSqs.Tests.Conformance;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Events;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Transport;

/// <summary>Golden messages: what a sent command, a published event and a reply look like to a plain SQS receive.</summary>
public sealed class When_messages_go_on_the_wire : TransportTest<SqsWorld>
{
    [Fact]
    public async Task A_sent_command_is_the_wrapped_envelope_with_the_message_id_attribute()
    {
        using var queue = await RawQueue.Create(World.Prefix + "Golden");
        var sender = await StartEndpoint("Sender", c => c.SendOnly());
        var options = new SendOptions();
        options.SetDestination("Golden");
        options.SetMessageId("golden-1");

        await sender.Send(new DoSomething("golden"), options);

        var message = await queue.ReceiveOne();
        var headers = AssertEnvelope(message.Body, """{"Text":"golden"}""");
        Assert.Equal("golden-1", headers[Headers.MessageId]);
        Assert.Equal("Send", headers[Headers.MessageIntent]);
        Assert.Equal(typeof(DoSomething).AssemblyQualifiedName, headers[Headers.EnclosedMessageTypes]);
        Assert.Equal("Sender", headers[Headers.OriginatingEndpoint]);
        Assert.False(headers.ContainsKey(Headers.ReplyToAddress), "a send-only endpoint has no queue to reply to");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}:\d{6} Z$", headers[Headers.TimeSent]);
        var attribute = Assert.Single(message.MessageAttributes);
        Assert.Equal(("NServiceBus.MessageId", "String", "golden-1"), (attribute.Key, attribute.Value.DataType, attribute.Value.StringValue));
    }

    [Fact]
    public async Task A_time_to_be_received_travels_as_the_transport_header_in_the_envelope()
    {
        using var queue = await RawQueue.Create(World.Prefix + "Golden");
        var sender = await StartEndpoint("Sender", c => c.SendOnly());
        var options = new SendOptions();
        options.SetDestination("Golden");
        options.SetTimeToBeReceived(TimeSpan.FromSeconds(40));

        await sender.Send(new DoSomething("brief"), options);

        var headers = AssertEnvelope((await queue.ReceiveOne()).Body, """{"Text":"brief"}""");
        Assert.Equal("00:00:40", headers["NServiceBus.AmazonSQS.TimeToBeReceived"]);
        Assert.Equal("00:00:40", headers[Headers.TimeToBeReceived]);
    }

    [Fact]
    public async Task A_published_event_arrives_through_the_topic_as_the_same_envelope()
    {
        // Subscribe the queue but run no pump on it: a stopped pump's abandoned long poll could still take the message.
        await Subscribe("Subscriber", typeof(SomethingHappened));
        var publisher = await StartEndpoint("Publisher");
        using var queue = await RawQueue.Existing(World.Prefix + "Subscriber");

        await publisher.Publish(new SomethingHappened("news"));

        var message = await queue.ReceiveOne();
        var headers = AssertEnvelope(message.Body, """{"Text":"news"}""");
        Assert.Equal("Publish", headers[Headers.MessageIntent]);
        Assert.Equal(headers[Headers.MessageId], message.MessageAttributes["NServiceBus.MessageId"].StringValue);
    }

    [Fact]
    public async Task A_reply_carries_the_request_id_as_correlation_and_goes_to_the_reply_address()
    {
        using var replies = await RawQueue.Create(World.Prefix + "Replies");
        await StartEndpoint("Responder", c => c.RegisterHandler<AskQuestionHandler>());
        var requester = await StartEndpoint("Requester", c => c.SendOnly());
        var options = new SendOptions();
        options.SetDestination("Responder");
        options.SetMessageId("request-1");
        options.RouteReplyTo(World.Prefix + "Replies");

        await requester.Send(new AskQuestion("why"), options);

        var headers = AssertEnvelope((await replies.ReceiveOne()).Body, """{"Text":"Answer to why"}""");
        Assert.Equal("Reply", headers[Headers.MessageIntent]);
        Assert.Equal("request-1", headers[Headers.CorrelationId]);
        Assert.Equal("request-1", headers[Headers.RelatedTo]);
        Assert.Equal(World.Prefix + "Responder", headers[Headers.ReplyToAddress]);
    }

    private async Task Subscribe(string queue, Type eventType)
    {
        var transport = World.CreateTransport();
        var host = new HostSettings("Subscriber", Environment.MachineName, SetupInfrastructure: true, (_, _) => { }, NullLoggerFactory.Instance);
        var infrastructure = await transport.Initialize(host, [new ReceiveSettings("Main", new QueueAddress(queue), true, "error")], []);
        await infrastructure.Receivers["Main"].Subscriptions!.SubscribeAll([eventType]);
        await infrastructure.Shutdown();
    }

    private static Dictionary<string, string> AssertEnvelope(string body, string expectedPayload)
    {
        using var envelope = JsonDocument.Parse(body);
        Assert.Equal(["Body", "S3BodyKey", "Headers"], envelope.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(expectedPayload, Encoding.UTF8.GetString(Convert.FromBase64String(envelope.RootElement.GetProperty("Body").GetString()!)));
        Assert.Equal(JsonValueKind.Null, envelope.RootElement.GetProperty("S3BodyKey").ValueKind);
        return envelope.RootElement.GetProperty("Headers").Deserialize<Dictionary<string, string>>()!;
    }
}
