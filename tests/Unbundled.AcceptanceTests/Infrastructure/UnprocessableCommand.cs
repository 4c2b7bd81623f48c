using Unbundled.Contracts;
using Unbundled.Messaging;
using Unbundled.Messaging.Transport;

namespace Unbundled.AcceptanceTests.Infrastructure;

/// <summary>An <c>InviteCustomer</c> whose body is not JSON, sent straight to Customers' queue: it can only end in <c>error</c>.</summary>
public static class UnprocessableCommand
{
    public static readonly byte[] Body = "{ not json at all"u8.ToArray();

    /// <returns>Its message id.</returns>
    public static async Task<string> SendToCustomers(TransportDefinition transport)
    {
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = Guid.NewGuid().ToString(),
            [Headers.MessageIntent] = "Send",
            [Headers.ContentType] = "application/json",
            [Headers.EnclosedMessageTypes] = "Unbundled.Domain.Commands.InviteCustomer, Unbundled.Domain",
        };
        var customers = transport.ToTransportAddress(new QueueAddress(EndpointNames.Customers));
        await RawDispatch.To(transport, customers, new OutgoingMessage(headers[Headers.MessageId], headers, Body));
        return headers[Headers.MessageId];
    }
}
