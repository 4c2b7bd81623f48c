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
        var host = new HostSettings("AcceptanceTests", Environment.MachineName, false, (_, _) => { }, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var customers = transport.ToTransportAddress(new QueueAddress(EndpointNames.Customers));
        var infrastructure = await transport.Initialize(host, [], [customers]);
        await infrastructure.Dispatcher.Dispatch(new TransportOperations(
            new UnicastTransportOperation(new OutgoingMessage(headers[Headers.MessageId], headers, Body), customers, DispatchProperties.None)));
        await infrastructure.Shutdown();
        return headers[Headers.MessageId];
    }
}
