namespace Unbundled.Messaging.Transport;

public enum ErrorHandleResult
{
    /// <summary>The error was dealt with (delayed retry scheduled or moved to error): consume the message.</summary>
    Handled,

    /// <summary>Deliver the same message again now (an immediate retry).</summary>
    RetryRequired,
}
