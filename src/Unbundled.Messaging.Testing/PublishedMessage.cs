namespace Unbundled.Messaging.Testing;

/// <summary>A message a handler published, with the options it was published with.</summary>
public sealed record PublishedMessage<TMessage>(TMessage Message, PublishOptions Options);
