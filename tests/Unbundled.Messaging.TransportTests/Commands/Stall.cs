namespace Unbundled.Messaging.TransportTests.Commands;

/// <summary>Its first attempt hangs, ignoring cancellation, until the scenario lets go (<see cref="Infrastructure.Observations.LetGo"/>).</summary>
public sealed record Stall(string Text);
