namespace Unbundled.Messaging;

/// <summary>No handler exists for a message: nothing will change on retry, so it goes straight to error.</summary>
public sealed class NoHandlerFoundException : Exception
{
    public NoHandlerFoundException(string message)
        : base(message)
    {
    }

    public NoHandlerFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NoHandlerFoundException()
    {
    }
}
