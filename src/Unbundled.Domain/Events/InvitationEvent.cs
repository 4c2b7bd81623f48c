namespace Unbundled.Domain.Events;

/// <summary>
/// What an invite decision can produce: <see cref="CustomerInvited"/> or <see cref="CustomerInviteFailed"/>, and nothing
/// else. The union is closed: its constructor is visible to this assembly only and both cases are sealed, so
/// <see cref="Match{T}"/> covers every case and callers need no arm for "anything else".
/// </summary>
public abstract record InvitationEvent
{
    private protected InvitationEvent(Guid eventId) => EventId = eventId;

    /// <summary>Chosen by the command, so a redelivered command yields the same id and consumers can deduplicate.</summary>
    public Guid EventId { get; init; }

    /// <summary>The one of <paramref name="invited"/> and <paramref name="failed"/> that fits this event.</summary>
    public abstract T Match<T>(Func<CustomerInvited, T> invited, Func<CustomerInviteFailed, T> failed);
}
