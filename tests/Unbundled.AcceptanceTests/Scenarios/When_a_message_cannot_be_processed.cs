using System.Text;
using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.Messaging;
using Unbundled.Messaging.Transport;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Contracts;
using Xunit;

namespace Unbundled.AcceptanceTests.Scenarios;

public abstract class When_a_message_cannot_be_processed<TSystem>(TSystem system) : AcceptanceTest<TSystem>(system)
    where TSystem : class, ISystemUnderTest
{
    [Fact]
    public async Task It_lands_in_error_with_its_fault_headers_and_body()
    {
        var transport = System.CreateTransport();
        await using var errors = await QueueSpy.Start(transport, "error");
        var messageId = Guid.NewGuid().ToString();
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = messageId,
            [Headers.MessageIntent] = "Send",
            [Headers.ContentType] = "application/json",
            [Headers.EnclosedMessageTypes] = "Unbundled.Domain.Commands.InviteCustomer, Unbundled.Domain",
        };

        await Dispatch(transport, headers, "{ not json at all"u8.ToArray());

        var failed = await NextWithId(errors, messageId);
        Assert.Equal(typeof(MessageDeserializationException).FullName, failed.Headers[FaultsHeaderKeys.ExceptionType]);
        Assert.EndsWith(transport.ToTransportAddress(new QueueAddress(EndpointNames.Customers)), failed.Headers[FaultsHeaderKeys.FailedQ]);
        Assert.Equal(EndpointNames.Customers, failed.Headers[Headers.ProcessingEndpoint]);
        Assert.True(failed.Headers.ContainsKey(FaultsHeaderKeys.TimeOfFailure));
        Assert.Equal("{ not json at all", Encoding.UTF8.GetString(failed.Body.Span));
    }

    private static Task Dispatch(TransportDefinition transport, Dictionary<string, string> headers, byte[] body) =>
        RawDispatch.To(transport, transport.ToTransportAddress(new QueueAddress(EndpointNames.Customers)), new OutgoingMessage(headers[Headers.MessageId], headers, body));

    /// <summary>The error queue is shared by every scenario of the system: skip what other scenarios left there.</summary>
    private static async Task<MessageContext> NextWithId(QueueSpy errors, string messageId)
    {
        while (true)
        {
            var message = await errors.Next();
            if (message.Headers.GetValueOrDefault(Headers.MessageId) == messageId)
            {
                return message;
            }
        }
    }
}
