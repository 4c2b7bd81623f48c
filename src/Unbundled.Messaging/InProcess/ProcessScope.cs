namespace Unbundled.Messaging.InProcess;

/// <summary>
/// What the endpoints of one process share: the receivers a send can reach without the broker, the transports' file
/// caches, the write batcher of a database file, a table's client. One composition root creates it, hands it to every
/// endpoint it starts and disposes it after they stopped (docs/process-scope.md). Components ask for their shared part
/// once, when they start, and keep it in a field: nothing on a message's path looks it up here.
/// </summary>
public sealed class ProcessScope : IAsyncDisposable
{
    private readonly Dictionary<(Type Type, string Key), object> shared = [];
    private readonly List<object> created = [];
    private bool disposed;

    /// <summary>
    /// The one <typeparamref name="T"/> of this process for <paramref name="key"/> (a path, a URL, a name), created by
    /// <paramref name="create"/> on first use and disposed with the scope when it is disposable.
    /// </summary>
    public T Shared<T>(string key, Func<T> create)
        where T : class
    {
        lock (shared)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (shared.TryGetValue((typeof(T), key), out var existing))
            {
                return (T)existing;
            }

            var value = create();
            shared[(typeof(T), key)] = value;
            created.Add(value);
            return value;
        }
    }

    /// <summary>The one <typeparamref name="T"/> of this process.</summary>
    public T Shared<T>()
        where T : class, new() => Shared(string.Empty, () => new T());

    /// <summary>Disposes what the scope created, the last created first (it may use what came before it).</summary>
    public async ValueTask DisposeAsync()
    {
        object[] toDispose;
        lock (shared)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            toDispose = [.. Enumerable.Reverse(created)];
        }

        foreach (var value in toDispose)
        {
            switch (value)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
