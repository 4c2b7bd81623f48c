using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Messaging.AmazonSqs.Tests.Conformance;
using Unbundled.Messaging.Transport;
using Unbundled.Messaging.TransportTests.Events;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Transport;

/// <summary>
/// Many handlers dispatch at the same moment: their sends to one queue, and their publishes to one topic, share batch
/// calls. Every message must still arrive once, as its own envelope with its own id.
/// </summary>
public sealed class When_many_dispatches_go_out_at_once : TransportTest<SqsWorld>
{
    private const int Dispatches = 25;

    [Fact]
    public async Task Every_sent_message_arrives_once_with_its_own_id_and_body()
    {
        using var queue = await RawQueue.Create(World.Prefix + "Many");
        var infrastructure = await Initialize([], sendingAddresses: []);

        await Task.WhenAll(Enumerable.Range(0, Dispatches).Select(i => infrastructure.Dispatcher.Dispatch(new TransportOperations(
            new UnicastTransportOperation(Message($"send-{i}"), World.Prefix + "Many", DispatchProperties.None)))));

        Assert.Equal(Expected("send-"), await ReceiveAll(queue));
        await infrastructure.Shutdown();
    }

    [Fact]
    public async Task Every_published_event_arrives_once_with_its_own_id_and_body()
    {
        var infrastructure = await Initialize([new ReceiveSettings("Main", new QueueAddress("Subscriber"), true, "error")], []);
        await infrastructure.Receivers["Main"].Subscriptions!.SubscribeAll([typeof(SomethingHappened)]);
        using var queue = await RawQueue.Existing(World.Prefix + "Subscriber");

        await Task.WhenAll(Enumerable.Range(0, Dispatches).Select(i => infrastructure.Dispatcher.Dispatch(new TransportOperations(
            [], [new MulticastTransportOperation(Message($"event-{i}"), typeof(SomethingHappened), DispatchProperties.None)]))));

        Assert.Equal(Expected("event-"), await ReceiveAll(queue));
        await infrastructure.Shutdown();
    }

    private async Task<TransportInfrastructure> Initialize(IReadOnlyList<ReceiveSettings> receivers, IReadOnlyList<string> sendingAddresses)
    {
        var host = new HostSettings("Dispatcher", Environment.MachineName, SetupInfrastructure: true, (_, _) => { }, NullLoggerFactory.Instance);
        return await World.CreateTransport().Initialize(host, receivers, sendingAddresses);
    }

    private static OutgoingMessage Message(string id) =>
        new(id, new Dictionary<string, string> { [Headers.MessageId] = id }, Encoding.UTF8.GetBytes($$"""{"Text":"{{id}}"}"""));

    private static List<string> Expected(string prefix) => [.. Enumerable.Range(0, Dispatches).Select(i => $"{prefix}{i}").Order(StringComparer.Ordinal)];

    /// <summary>Each message's id attribute, checked against the id in its envelope and its body; sorted.</summary>
    private static async Task<List<string>> ReceiveAll(RawQueue queue)
    {
        var ids = new List<string>();
        for (var i = 0; i < Dispatches; i++)
        {
            var message = await queue.ReceiveOne();
            var id = message.MessageAttributes["NServiceBus.MessageId"].StringValue;
            using var envelope = JsonDocument.Parse(message.Body);
            Assert.Equal(id, envelope.RootElement.GetProperty("Headers").GetProperty(Headers.MessageId).GetString());
            Assert.Equal($$"""{"Text":"{{id}}"}""", Encoding.UTF8.GetString(Convert.FromBase64String(envelope.RootElement.GetProperty("Body").GetString()!)));
            ids.Add(id);
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }
}
