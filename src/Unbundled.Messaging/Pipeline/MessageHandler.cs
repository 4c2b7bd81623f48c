namespace Unbundled.Messaging.Pipeline;

/// <summary>A handler type and the delegate that calls its <c>Handle</c> for one message type.</summary>
internal sealed record MessageHandler(Type HandlerType, HandlerRegistry.HandlerInvoker Invoke);
