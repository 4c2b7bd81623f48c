using Unbundled.Messaging.Embedded;
using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.Serialization;
using Unbundled.Messaging.Tests.Commands;
using Unbundled.Messaging.Tests.Infrastructure;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Tests.OutgoingMessages;

/// <summary>
/// The outgoing side of an endpoint "Sales" that routes <see cref="BillOrder"/> to "Billing", put together as
/// <see cref="Endpoint.Start"/> does it, with the clock stopped at <see cref="FixedClock.Example"/>. The embedded transport
/// is only asked for queue names; nothing touches the disk.
/// </summary>
internal static class SalesEndpoint
{
    /// <summary>A request from "Shop" to reply to.</summary>
    public static readonly IncomingMessage RequestFromShop = new(
        "request-1",
        new Dictionary<string, string> { [Headers.MessageId] = "request-1", [Headers.ReplyToAddress] = "Shop" },
        ReadOnlyMemory<byte>.Empty);

    public static EndpointConfiguration Configuration()
    {
        var configuration = new EndpointConfiguration("Sales");
        configuration.Routing.RouteToEndpoint(typeof(BillOrder), "Billing");
        return configuration;
    }

    public static OutgoingMessageFactory Factory(EndpointConfiguration? configuration = null)
    {
        configuration ??= Configuration();
        var transport = new FileSystemTransport();
        var identity = new EndpointIdentity(
            configuration.EndpointName,
            transport.ToTransportAddress(new QueueAddress(configuration.EndpointName)),
            InstanceAddress: null,
            HostInformation.For(configuration.EndpointName));
        return new OutgoingMessageFactory(
            identity,
            configuration,
            new MessageTypeRegistry(configuration.Conventions),
            new SystemJsonMessageSerializer(),
            transport,
            new FixedClock(FixedClock.Example));
    }
}
