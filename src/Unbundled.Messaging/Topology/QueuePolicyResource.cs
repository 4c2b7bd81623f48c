namespace Unbundled.Messaging.Topology;

/// <summary>The statement a subscribed queue's policy holds: everyone may <paramref name="Action"/> on condition that the sender is <paramref name="SourceArn"/>.</summary>
public sealed record QueuePolicyResource(string Queue, string Action, string Principal, string SourceArn);
