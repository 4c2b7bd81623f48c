namespace Unbundled.Messaging.Callbacks;

/// <summary>A request waiting for its reply, and the type the requester asked for.</summary>
internal sealed class PendingRequest(Type responseType)
{
    public Type ResponseType { get; } = responseType;

    public TaskCompletionSource<object> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
