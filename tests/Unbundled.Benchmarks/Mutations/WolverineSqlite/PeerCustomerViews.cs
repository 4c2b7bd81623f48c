using System.Text.Json;
using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Benchmarks.Mutations.WolverineSqlite;

/// <summary>
/// The peer's read model in its SQLite file, with plain ADO.NET: each view one JSON document under its id, a SELECT per
/// read and an upsert per save.
/// </summary>
internal sealed class PeerCustomerViews(PeerDatabase database) : ICustomerViews
{
    public async Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT view FROM customers WHERE id = $id";
        command.Parameters.AddWithValue("$id", customerId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<CustomerView>(json) : null;
    }

    /// <summary>Commits the view; the decorator it is registered with tells the API's read-your-writes wait, as ours does.</summary>
    public async Task Save(CustomerView view, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO customers (id, view) VALUES ($id, $view) ON CONFLICT (id) DO UPDATE SET view = excluded.view";
        command.Parameters.AddWithValue("$id", view.Id);
        command.Parameters.AddWithValue("$view", JsonSerializer.Serialize(view));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
