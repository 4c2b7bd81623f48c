using System.Globalization;
using System.Text.Json;
using Unbundled.Messaging.ServicePlatform;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// Each endpoint's last heartbeat and check results in the shared SQLite file, one row per endpoint, rewritten with every
/// report it sends (about 9 small writes a minute per endpoint; docs/operations.md), read by the API's <c>/ops</c> page.
/// </summary>
public sealed class SqliteEndpointStatus(SqliteDatabase database) : IEndpointStatusStore
{
    public async Task Save(EndpointStatus status, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO endpoint_status (endpoint, host_id, host, last_heartbeat, checks) VALUES ($endpoint, $hostId, $host, $heartbeat, $checks)
            ON CONFLICT (endpoint) DO UPDATE SET host_id = excluded.host_id, host = excluded.host, last_heartbeat = excluded.last_heartbeat, checks = excluded.checks
            """;
        command.Parameters.AddWithValue("$endpoint", status.Endpoint);
        command.Parameters.AddWithValue("$hostId", status.HostId);
        command.Parameters.AddWithValue("$host", status.Host);
        command.Parameters.AddWithValue("$heartbeat", status.LastHeartbeat.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$checks", JsonSerializer.Serialize(status.Checks));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EndpointStatus>> Read(IReadOnlyList<string> endpoints, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT endpoint, host_id, host, last_heartbeat, checks FROM endpoint_status ORDER BY endpoint";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var statuses = new List<EndpointStatus>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (endpoints.Contains(reader.GetString(0)))
            {
                statuses.Add(new EndpointStatus(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                    JsonSerializer.Deserialize<List<CheckStatus>>(reader.GetString(4)) ?? []));
            }
        }

        return statuses;
    }
}
