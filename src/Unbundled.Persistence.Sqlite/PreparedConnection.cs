using Microsoft.Data.Sqlite;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// An open connection that keeps each statement it has run prepared. Microsoft.Data.Sqlite prepares a command's statement
/// again for every new command, and parsing SQL was a twentieth of a mutation's CPU; the few statements of this
/// persistence each run thousands of times a second, so they are prepared once per connection and reused. Rented from
/// <see cref="SqliteDatabase.Rent"/> by one caller at a time.
/// </summary>
internal sealed class PreparedConnection(SqliteConnection connection) : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    /// <summary>Runs a query; dispose the reader before the next statement on this connection.</summary>
    public Task<SqliteDataReader> Read(string sql, params (string Name, object? Value)[] parameters) =>
        Bind(sql, null, parameters).ExecuteReaderAsync();

    /// <summary>Runs a statement in <paramref name="transaction"/> (null: in a transaction of its own).</summary>
    public Task<int> Execute(BatchedStatement statement, SqliteTransaction? transaction) =>
        Bind(statement.Sql, transaction, statement.Parameters).ExecuteNonQueryAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var command in commands.Values)
        {
            await command.DisposeAsync();
        }

        await connection.DisposeAsync();
    }

    private SqliteCommand Bind(string sql, SqliteTransaction? transaction, (string Name, object? Value)[] parameters)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands.Add(sql, command);
        }

        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            // No declared types: each value is bound as AddWithValue binds it (a Guid as a blob).
            var bound = value ?? DBNull.Value;
            var index = command.Parameters.IndexOf(name);
            if (index < 0)
            {
                command.Parameters.AddWithValue(name, bound);
            }
            else
            {
                command.Parameters[index].Value = bound;
            }
        }

        return command;
    }
}
