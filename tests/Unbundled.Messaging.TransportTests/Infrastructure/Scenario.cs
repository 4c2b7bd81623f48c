namespace Unbundled.Messaging.TransportTests.Infrastructure;

public static class Scenario
{
    /// <summary>How long a scenario waits for something that should happen; generous, since CI shares two cores.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a scenario watches for something that must not happen.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1.5);
}
