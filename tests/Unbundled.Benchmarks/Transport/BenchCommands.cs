namespace Unbundled.Benchmarks.Transport.Commands;

/// <summary>The benchmark's message: a sequence number, so the handler can find who waits for it.</summary>
public sealed record Ping(long Sequence);
