namespace Unbundled.Domain.Customers;

/// <summary>
/// A customer as queries see it. <see cref="AppliedEventIds"/> lets the projection skip what it has already applied:
/// SQS delivers at least once and out of order, so the same event can arrive twice or late.
/// </summary>
public sealed record CustomerView(Guid Id, string Email, bool Invited, DateTimeOffset? InvitedAt, IReadOnlyList<Guid> AppliedEventIds)
{
    public bool HasApplied(Guid eventId) => AppliedEventIds.Contains(eventId);

    // Two views that applied the same events are the same view, whatever order the events arrived in; the list's own
    // equality is by reference, which would make every freshly loaded view differ.
    public bool Equals(CustomerView? other) =>
        other is not null
        && Id == other.Id
        && Email == other.Email
        && Invited == other.Invited
        && InvitedAt == other.InvitedAt
        && AppliedEventIds.Count == other.AppliedEventIds.Count
        && AppliedEventIds.All(other.HasApplied);

    public override int GetHashCode() => HashCode.Combine(Id, Email, Invited, InvitedAt, AppliedEventIds.Count);
}
