namespace Unbundled.Messaging;

/// <summary>The message body or its type could not be read; retrying cannot help, so the message goes straight to error.</summary>
public sealed class MessageDeserializationException : Exception
{
    public MessageDeserializationException(string message)
        : base(message)
    {
    }

    public MessageDeserializationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MessageDeserializationException()
    {
    }
}
