namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// Gathers small independent writes that arrive while one is being written and commits them together, one transaction
/// for many: the first caller writes at once, and whoever arrives meanwhile joins the next batch. Each caller's task
/// completes once its own item is committed, or fails with its batch.
/// </summary>
internal sealed class WriteBatcher<T>(Func<List<T>, Task> writeBatch)
{
    private readonly Lock gate = new();
    private List<T> pending = [];
    private TaskCompletionSource? pendingWritten;
    private bool writing;

    public Task Add(T item)
    {
        Task written;
        bool startWriting;
        lock (gate)
        {
            pending.Add(item);
            pendingWritten ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            written = pendingWritten.Task;
            startWriting = !writing;
            writing = true;
        }

        if (startWriting)
        {
            // On the caller's thread: a lone write costs no thread hop.
            _ = WriteUntilNothingIsLeft();
        }

        return written;
    }

    private async Task WriteUntilNothingIsLeft()
    {
        while (true)
        {
            List<T> batch;
            TaskCompletionSource written;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    writing = false;
                    return;
                }

                (batch, written) = (pending, pendingWritten!);
                (pending, pendingWritten) = ([], null);
            }

            try
            {
                await writeBatch(batch);
                written.SetResult();
            }
            catch (Exception exception)
            {
                written.SetException(exception);
            }
        }
    }
}
