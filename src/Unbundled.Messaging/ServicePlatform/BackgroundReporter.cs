namespace Unbundled.Messaging.ServicePlatform;

/// <summary>A reporter that runs one loop from <see cref="Start"/> until <see cref="Stop"/> cancels it.</summary>
internal abstract class BackgroundReporter : IPlatformReporter, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task running = Task.CompletedTask;

    public void Start() => running = Task.Run(() => Run(stopping.Token));

    public async Task Stop()
    {
        await stopping.CancelAsync();
        await running;
        Dispose();
    }

    public void Dispose() => stopping.Dispose();

    /// <summary>Reports until <paramref name="cancellationToken"/> is cancelled; must not throw.</summary>
    protected abstract Task Run(CancellationToken cancellationToken);
}
