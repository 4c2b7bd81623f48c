namespace Unbundled.Domain.Events;

/// <summary>
/// What an invite decision can produce: <see cref="CustomerInvited"/> or <see cref="CustomerInviteFailed"/>, and nothing
/// else. Switches over this hierarchy treat any other case as a bug.
/// </summary>
/// <param name="EventId">Chosen by the command, so a redelivered command yields the same id and consumers can deduplicate.</param>
public abstract record InvitationEvent(Guid EventId);
