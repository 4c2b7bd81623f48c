namespace Unbundled.Messaging.Transport;

/// <summary>A failed processing attempt.</summary>
/// <param name="Exception">What the handler or pipeline threw.</param>
/// <param name="Message">The message as received.</param>
/// <param name="ImmediateProcessingFailures">How many times in a row processing failed, this failure included.</param>
public sealed record ErrorContext(Exception Exception, MessageContext Message, int ImmediateProcessingFailures);
