namespace Unbundled.Messaging.Testing;

/// <summary>A message a handler replied with, with the options it was replied with.</summary>
public sealed record RepliedMessage<TMessage>(TMessage Message, ReplyOptions Options);
