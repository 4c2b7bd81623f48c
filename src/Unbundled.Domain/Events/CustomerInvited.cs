namespace Unbundled.Domain.Events;

/// <summary>A customer was invited and now owns the email.</summary>
/// <param name="Email">Trimmed, otherwise as typed; compare emails with <c>EmailAddress.Key</c>, never with this.</param>
public sealed record CustomerInvited(Guid EventId, Guid CustomerId, string Email, DateTimeOffset InvitedAt)
    : InvitationEvent(EventId)
{
    public override T Match<T>(Func<CustomerInvited, T> invited, Func<CustomerInviteFailed, T> failed) => invited(this);
}
