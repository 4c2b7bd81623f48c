namespace Unbundled.Messaging.Transport;

/// <summary>
/// What an operator does to queues beside the endpoints (the <c>failed</c> command, the API's <c>/ops</c> page): look
/// into a queue without consuming it, take a message out once it has been sent on, count what waits (docs/operations.md).
/// </summary>
public interface IQueueOperations : IAsyncDisposable
{
    /// <summary>Sends as the endpoints do: the native message id is the message's own id.</summary>
    IMessageDispatcher Dispatcher { get; }

    /// <summary>The physical name of a queue, as the endpoints' receivers name it.</summary>
    string ToTransportAddress(string queue);

    /// <summary>The messages waiting in <paramref name="queue"/> (on SQS its approximate count).</summary>
    /// <exception cref="QueueUnreachableException">The queue does not exist or cannot be reached.</exception>
    Task<long> Count(string queue, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads up to <paramref name="max"/> of the queue's messages, oldest first where the transport knows the order. A
    /// transport that cannot peek (SQS) holds them out of sight of other readers until the browse is disposed, which gives
    /// back every message not taken.
    /// </summary>
    /// <exception cref="QueueUnreachableException">The queue does not exist or cannot be reached.</exception>
    Task<IQueueBrowse> Browse(string queue, int max, CancellationToken cancellationToken = default);
}

/// <summary>The messages one <see cref="IQueueOperations.Browse"/> read.</summary>
public interface IQueueBrowse : IAsyncDisposable
{
    IReadOnlyList<QueuedMessage> Messages { get; }

    /// <summary>
    /// Runs <paramref name="forward"/> (the re-send) and then removes the message from the queue: never removed unless
    /// forwarded, so a crash in between leaves it in the queue. False when another reader took it first.
    /// </summary>
    Task<bool> Take(QueuedMessage message, Func<CancellationToken, Task> forward, CancellationToken cancellationToken = default);

    /// <summary>Removes the message without sending it anywhere (an acknowledgement read, as ServiceControl consumes it).</summary>
    Task Remove(QueuedMessage message, CancellationToken cancellationToken = default);
}

/// <summary>A message read from a queue without consuming it.</summary>
/// <param name="NativeId">The transport's own handle of it (a file name, an SQS message id).</param>
public sealed record QueuedMessage(string NativeId, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body);

/// <summary>A queue an operator names does not exist or cannot be reached.</summary>
public sealed class QueueUnreachableException(string queue, string reason, Exception? inner = null)
    : Exception($"Queue {queue} cannot be read: {reason}", inner)
{
    public string Queue { get; } = queue;
}
