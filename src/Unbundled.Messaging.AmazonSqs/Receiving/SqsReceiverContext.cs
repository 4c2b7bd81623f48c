using Microsoft.Extensions.Logging;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>
/// What processing a message of one queue needs, made whole once the receiver is initialized (the queue's URL and
/// visibility timeout are known, the pipeline given) and never changed: the receive loops, the hand-offs, the
/// visibility renewals and the settling all read it, so none of them sees a field still to be filled in.
/// </summary>
internal sealed record SqsReceiverContext(
    string QueueName,
    string QueueUrl,
    string ErrorQueueName,
    SqsClients Clients,
    OnMessage OnMessage,
    OnError OnError,
    int VisibilityTimeoutSeconds,
    TimeSpan MaxRenewal,
    TimeProvider Time,
    ILogger Logger)
{
    /// <summary>Receive slots: a receive never asks for more messages than are free.</summary>
    public required SemaphoreSlim Slots { get; init; }

    /// <summary>Hand-offs have slots of their own: a long poll holds the receive slots that are free while it waits.</summary>
    public required SemaphoreSlim HandOffSlots { get; init; }

    public FailureCounts Failures { get; } = new();

    public UnfinishedMessages Unfinished { get; } = new();

    public DeleteBatcher Deletes { get; } = new(Clients, QueueUrl);

    public VisibilityResets VisibilityResets { get; } = new(Clients, QueueUrl, Logger);
}
