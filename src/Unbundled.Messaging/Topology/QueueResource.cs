namespace Unbundled.Messaging.Topology;

/// <summary>A queue an endpoint receives from; <paramref name="Name"/> ends in <c>*</c> for a per-instance queue, named at run time.</summary>
/// <param name="DelaySeconds">The queue's delivery delay: 900 for a <c>-delay.fifo</c> queue, else 0.</param>
/// <param name="InstanceSpecific">Created and deleted by each instance at run time, even where terraform owns the rest.</param>
public sealed record QueueResource(string Name, bool Fifo, int DelaySeconds, long RetentionSeconds, bool InstanceSpecific);
