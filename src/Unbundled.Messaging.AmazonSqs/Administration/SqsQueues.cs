using Unbundled.Messaging.Topology;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Administration;

/// <summary>
/// The queues an endpoint needs, as NServiceBus.AmazonSQS's installer creates them (docs/wire-format.md §3.1, §3.4): each receiving
/// queue with its <c>-delay.fifo</c> companion, and the queues it sends failures and audits to. The installers create
/// exactly these, and the topology lists exactly these, so what terraform must create is what the endpoint would.
/// </summary>
internal static class SqsQueues
{
    /// <summary>Every queue of the endpoint; <paramref name="nameOf"/> names a receiving queue (the topology names an instance queue by its pattern).</summary>
    public static IEnumerable<QueueResource> Of(
        SqsTransport transport, IReadOnlyList<ReceiveSettings> receivers, IReadOnlyList<string> sendingAddresses, Func<ReceiveSettings, string> nameOf)
    {
        var retention = (long)transport.MaxTimeToLive.TotalSeconds;
        foreach (var address in sendingAddresses)
        {
            yield return new QueueResource(transport.ToTransportAddress(new QueueAddress(address)), Fifo: false, 0, retention, InstanceSpecific: false);
        }

        foreach (var receiver in receivers)
        {
            var name = nameOf(receiver);
            yield return new QueueResource(name, Fifo: false, 0, retention, receiver.IsInstanceSpecific);
            if (transport.EnableUnrestrictedDelayedDelivery)
            {
                yield return new QueueResource(name + TransportHeaders.DelayQueueSuffix, Fifo: true, TransportHeaders.MaximumNativeDelaySeconds, retention, receiver.IsInstanceSpecific);
            }
        }
    }

    /// <summary>What an endpoint creates at start-up: everything with installers on; without them only its instance queues, which live only as long as it does.</summary>
    public static IEnumerable<QueueResource> ToCreate(
        SqsTransport transport, IReadOnlyList<ReceiveSettings> receivers, IReadOnlyList<string> sendingAddresses, bool setupInfrastructure) =>
        Of(transport, receivers, sendingAddresses, receiver => transport.ToTransportAddress(receiver.ReceiveAddress))
            .Where(queue => setupInfrastructure || queue.InstanceSpecific);
}
