namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>The processing of the messages a receiver has in flight, received or handed over, for its stop to wait on.</summary>
internal sealed class ProcessingTasks
{
    private readonly HashSet<Task> running = [];

    public void Track(Task processing)
    {
        lock (running)
        {
            running.Add(processing);
        }

        processing.ContinueWith(
            done =>
            {
                lock (running)
                {
                    running.Remove(done);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when everything in flight now has ended.</summary>
    public Task All()
    {
        lock (running)
        {
            return Task.WhenAll(running);
        }
    }
}
