using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Unbundled.Messaging.Batching;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// The small independent writes of every endpoint in this process to one database file (read-model saves, outbox
/// dispatch marks), committed together: one write turn and one transaction for all that arrive while the previous batch
/// is written, each statement prepared once per batch. The statements run in the order they arrived; if the batch
/// fails, every write in it fails and its message is retried.
/// </summary>
internal static class BatchedWrites
{
    private static readonly ConcurrentDictionary<string, RequestBatcher<BatchedStatement>> ByPath = new(StringComparer.Ordinal);

    /// <summary>Completes once <paramref name="statement"/> is committed.</summary>
    public static Task Add(SqliteDatabase database, BatchedStatement statement) =>
        ByPath.GetOrAdd(database.Path, _ => new RequestBatcher<BatchedStatement>(int.MaxValue, batch => Write(database, batch))).Add(statement);

    private static async Task Write(SqliteDatabase database, IReadOnlyList<BatchedStatement> batch)
    {
        using var turn = await database.TakeWriteTurn(CancellationToken.None);
        await using var connection = await database.Open(CancellationToken.None);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var commands = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);
        try
        {
            foreach (var statement in batch)
            {
                if (!commands.TryGetValue(statement.Sql, out var command))
                {
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = statement.Sql;
                    commands.Add(statement.Sql, command);
                }

                // No declared types: each value is bound as a query's parameters are (a Guid as a blob).
                command.Parameters.Clear();
                foreach (var (name, value) in statement.Parameters)
                {
                    command.Parameters.AddWithValue(name, value ?? DBNull.Value);
                }

                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }
        }
    }
}
