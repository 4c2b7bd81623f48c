namespace Unbundled.Messaging.Tests.Infrastructure;

/// <summary>A clock that always reads the same instant, so wire dates can be asserted exactly.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>2024-05-01 13:45:07.123456 UTC, the example of docs/wire-format.md §2.</summary>
    public static readonly DateTimeOffset Example = new DateTimeOffset(2024, 5, 1, 13, 45, 7, TimeSpan.Zero).AddTicks(1_234_560);

    public const string ExampleOnTheWire = "2024-05-01 13:45:07:123456 Z";

    public override DateTimeOffset GetUtcNow() => now;
}
