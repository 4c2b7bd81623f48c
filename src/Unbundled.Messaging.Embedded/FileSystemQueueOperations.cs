using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Embedded;

/// <summary>
/// The embedded transport's queues for an operator. Files are read where they lie (a peek); a message is taken by the
/// same atomic rename a receiver claims with, into a claim folder of this browse, so two operators never both forward
/// it, and it is deleted only once forwarded. A crash in between leaves it claimed under <c>.inflight</c>; the next browse
/// of the queue returns it to the queue (docs/operations.md).
/// </summary>
internal sealed class FileSystemQueueOperations(FileSystemTransport transport, QueueStore queues, IMessageDispatcher dispatcher) : IQueueOperations
{
    public IMessageDispatcher Dispatcher => dispatcher;

    public string ToTransportAddress(string queue) => transport.ToTransportAddress(new QueueAddress(queue));

    public Task<long> Count(string queue, CancellationToken cancellationToken = default) =>
        Task.FromResult((long)Directory.EnumerateFiles(Existing(queue), "*" + QueueFolder.Extension).Count());

    public Task<IQueueBrowse> Browse(string queue, int max, CancellationToken cancellationToken = default)
    {
        var folder = queues.Get(Path.GetFileName(Existing(queue)));
        var claims = new InflightClaims(folder, slotCount: 0);
        claims.RecoverAbandoned();
        var messages = new List<QueuedMessage>();
        foreach (var path in Directory.EnumerateFiles(folder.Path, "*" + QueueFolder.Extension).Order(StringComparer.Ordinal))
        {
            if (messages.Count == max)
            {
                break;
            }

            if (Read(path) is { } message)
            {
                messages.Add(message);
            }
        }

        return Task.FromResult<IQueueBrowse>(new Browsed(claims, messages));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string Existing(string queue)
    {
        var path = Path.Combine(transport.RootPath, ToTransportAddress(queue));
        return Directory.Exists(path) ? path : throw new QueueUnreachableException(queue, $"there is no folder {path}.");
    }

    private static QueuedMessage? Read(string path)
    {
        try
        {
            return MessageFile.TryRead(File.ReadAllBytes(path)) is var (headers, body) ? new QueuedMessage(Path.GetFileName(path), headers, body) : null;
        }
        catch (FileNotFoundException)
        {
            // Taken since it was listed.
            return null;
        }
    }

    private sealed class Browsed(InflightClaims claims, IReadOnlyList<QueuedMessage> messages) : IQueueBrowse
    {
        public IReadOnlyList<QueuedMessage> Messages => messages;

        public async Task<bool> Take(QueuedMessage message, Func<CancellationToken, Task> forward, CancellationToken cancellationToken = default)
        {
            if (!claims.TryClaim(message.NativeId))
            {
                return false;
            }

            try
            {
                await forward(cancellationToken);
            }
            catch
            {
                claims.Release(message.NativeId);
                throw;
            }

            File.Delete(claims.PathOf(message.NativeId));
            return true;
        }

        public Task Remove(QueuedMessage message, CancellationToken cancellationToken = default)
        {
            if (claims.TryClaim(message.NativeId))
            {
                File.Delete(claims.PathOf(message.NativeId));
            }

            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            claims.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
