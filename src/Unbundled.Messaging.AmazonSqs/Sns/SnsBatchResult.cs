namespace Unbundled.Messaging.AmazonSqs.Sns;

/// <summary>What SNS did with each entry of a batch; a batch can partly fail while the call itself succeeds.</summary>
internal sealed record SnsBatchResult(IReadOnlyList<SnsBatchSuccess> Successful, IReadOnlyList<SnsBatchFailure> Failed);
