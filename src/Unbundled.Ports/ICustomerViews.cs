using Unbundled.Domain.Customers;

namespace Unbundled.Ports;

/// <summary>
/// The customers read model: what queries read and the projector writes. Every implementation keeps the same contract,
/// which the persistence conformance suite checks (tests/Unbundled.PersistenceTests):
/// <list type="bullet">
/// <item>The save is optimistic: it stores the view only if the stored one is still the one this instance last read with
/// <see cref="IReadCustomerViews.Find"/> (none, if it read none). Otherwise it throws
/// <see cref="System.Data.DBConcurrencyException"/> and stores nothing, so the projector's message is retried, reads again and
/// folds the event into what the other save stored. An instance is scoped to one message.</item>
/// <item>Nobody is told of a save by the implementation: the shell wraps it in <see cref="NotifyingCustomerViews"/>,
/// which tells the process's <see cref="ViewChanges"/> (for the API's read-your-writes).</item>
/// </list>
/// </summary>
public interface ICustomerViews : IReadCustomerViews
{
    /// <summary>Stores the view if nobody else stored one since this instance read it; see the interface's contract.</summary>
    /// <exception cref="System.Data.DBConcurrencyException">Another save came first; nothing was stored.</exception>
    Task Save(CustomerView view, CancellationToken cancellationToken);
}
