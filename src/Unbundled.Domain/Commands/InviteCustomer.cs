namespace Unbundled.Domain.Commands;

/// <summary>
/// Asks to invite a customer by email. The caller picks the ids and the time, so the decision stays pure and a redelivered
/// command decides the same way again.
/// </summary>
/// <param name="Email">As typed by the requester; the decision trims and validates it.</param>
/// <param name="CustomerId">The id the customer gets if the invite succeeds.</param>
/// <param name="EventId">The id of the event the decision produces, success or failure.</param>
/// <param name="RequestedAt">When the invite was asked for; it becomes the invite time.</param>
public sealed record InviteCustomer(string? Email, Guid CustomerId, Guid EventId, DateTimeOffset RequestedAt);
