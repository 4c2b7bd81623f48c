namespace Unbundled.Messaging.Transport;

/// <summary>How many messages a receiver may process at once.</summary>
public sealed record PushRuntimeSettings(int MaxConcurrency)
{
    /// <summary>NServiceBus's default: the processor count, but at least 2.</summary>
    public static PushRuntimeSettings Default => new(Math.Max(2, Environment.ProcessorCount));
}
