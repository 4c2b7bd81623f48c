namespace Unbundled.Messaging.Pipeline;

/// <summary>
/// Holds the storage session of the message being processed in its DI scope, so that handlers and the ports they use
/// can take <see cref="ISynchronizedStorageSession"/> in their constructors, as NServiceBus allows.
/// </summary>
internal sealed class CurrentStorageSession
{
    public ISynchronizedStorageSession? Session { get; set; }
}
