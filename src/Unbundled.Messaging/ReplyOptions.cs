namespace Unbundled.Messaging;

public sealed class ReplyOptions : ExtendableOptions
{
    internal string? ExplicitDestination { get; private set; }

    /// <summary>Replies to this address instead of the incoming message's reply-to address.</summary>
    public void SetDestination(string destination) => ExplicitDestination = destination;

    public string? GetDestination() => ExplicitDestination;
}
