namespace Unbundled.Lambda.TestFunction.Commands;

/// <summary>The test endpoint's command: <paramref name="Poison"/> fails every attempt, <paramref name="Stall"/> runs past the deadline once.</summary>
public sealed record DoWork(string Id, bool Poison = false, bool Stall = false);
