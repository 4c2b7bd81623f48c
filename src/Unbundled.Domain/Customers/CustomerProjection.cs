using Unbundled.Domain.Events;

namespace Unbundled.Domain.Customers;

/// <summary>
/// Folds invitation events into <see cref="CustomerView"/>. Idempotent: an event already applied returns the view
/// unchanged, so a redelivery is harmless and the projector needs no deduplication of its own.
/// </summary>
public static class CustomerProjection
{
    // A rejected invite creates no customer and changes none.
    public static CustomerView? Project(CustomerView? view, InvitationEvent e) => e.Match(invited => Project(view, invited), failed => view);

    public static CustomerView Project(CustomerView? view, CustomerInvited e) => view switch
    {
        null => new CustomerView(e.CustomerId, e.Email, Invited: true, e.InvitedAt, [e.EventId]),
        _ when view.Id != e.CustomerId =>
            throw new ArgumentException($"Event {e.EventId} is for customer {e.CustomerId}, not {view.Id}.", nameof(e)),
        _ when view.HasApplied(e.EventId) => view,
        _ => view with
        {
            Email = e.Email,
            Invited = true,
            InvitedAt = e.InvitedAt,
            AppliedEventIds = [.. view.AppliedEventIds, e.EventId],
        },
    };
}
