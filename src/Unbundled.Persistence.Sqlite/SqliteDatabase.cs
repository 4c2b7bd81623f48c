using Microsoft.Data.Sqlite;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// One SQLite file shared by every endpoint and process of the embedded shell, in WAL mode so readers never block the
/// writer. Microsoft.Data.Sqlite pools connections and retries while another process holds the write lock.
/// </summary>
public sealed class SqliteDatabase
{
    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public async Task<SqliteConnection> Open(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // NORMAL is durable in WAL mode except for the last transactions before a power cut; the outbox re-dispatches them.
        await Execute(connection, "PRAGMA synchronous = NORMAL;", cancellationToken);
        return connection;
    }

    /// <summary>Creates the file and every table; safe to run again and from several processes.</summary>
    public async Task Install(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var connection = await Open(cancellationToken);
        await Execute(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        await Execute(connection, Schema.Sql, cancellationToken);
    }

    internal static async Task Execute(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
