namespace Unbundled.Messaging.Transport;

/// <summary>A logical queue address: base name, optional instance discriminator and optional qualifier.</summary>
public sealed record QueueAddress(string BaseAddress, string? Discriminator = null, string? Qualifier = null)
{
    /// <summary>The NServiceBus composition: <c>Base[-Discriminator][-Qualifier]</c>, before any transport naming rules.</summary>
    public override string ToString()
    {
        var name = BaseAddress;
        if (!string.IsNullOrEmpty(Discriminator))
        {
            name += "-" + Discriminator;
        }

        if (!string.IsNullOrEmpty(Qualifier))
        {
            name += "-" + Qualifier;
        }

        return name;
    }
}
