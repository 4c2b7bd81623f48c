namespace Unbundled.LocalAws;

/// <summary>A stand-in that exited while the system was using it: its name (fauxqs, dynalite) and its exit code.</summary>
/// <param name="ExitCode">As .NET reports it: 128 plus the signal number for a process killed by a signal (137 for SIGKILL).</param>
public sealed record StandInExit(string StandIn, int ExitCode);
