using Microsoft.Data.Sqlite;

namespace Unbundled.Persistence.Sqlite;

/// <summary>The commands of one write transaction, each statement's text prepared once however often it runs.</summary>
internal sealed class PreparedCommands(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

    public async Task Execute(BatchedStatement statement)
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

    public async ValueTask DisposeAsync()
    {
        foreach (var command in commands.Values)
        {
            await command.DisposeAsync();
        }
    }
}
