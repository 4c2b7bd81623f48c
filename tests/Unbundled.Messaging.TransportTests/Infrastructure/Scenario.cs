namespace Unbundled.Messaging.TransportTests.Infrastructure;

public static class Scenario
{
    /// <summary>How long a scenario waits for something that should happen; generous, since CI shares two cores.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a scenario watches for something that must not happen.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1.5);

    /// <summary>Polls <paramref name="condition"/> (a folder's content, a counter) until it holds, or fails after <see cref="Timeout"/>.</summary>
    public static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
