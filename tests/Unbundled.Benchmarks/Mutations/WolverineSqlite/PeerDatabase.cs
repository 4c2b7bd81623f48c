using Microsoft.Data.Sqlite;

namespace Unbundled.Benchmarks.Mutations.WolverineSqlite;

/// <summary>
/// The peer's one SQLite file, shared by Wolverine's inbox and outbox tables and the peer's own claims and read model, so
/// a claim and the messages it produces commit in one transaction. It is the data source WolverineFx.Sqlite builds by
/// itself from a connection string (Weasel's, with its default PRAGMAs on every connection: WAL, <c>synchronous =
/// NORMAL</c> as ours, <c>busy_timeout = 5000</c>, a 64 MB page cache, 256 MB of memory-mapped I/O), made here so the
/// handlers open their connections from it too.
/// </summary>
public sealed class PeerDatabase : Weasel.Sqlite.SqliteDataSource
{
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS email_claims (
            email_key TEXT PRIMARY KEY, customer_id TEXT NOT NULL, event_id TEXT NOT NULL, email TEXT NOT NULL, invited_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS customers (id TEXT PRIMARY KEY, view TEXT NOT NULL) WITHOUT ROWID;
        """;

    private PeerDatabase(string path)
        : base(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString())
    {
    }

    /// <summary>Creates the file (the first connection puts it in WAL mode) with the peer's own tables.</summary>
    public static PeerDatabase Create(string dataPath)
    {
        var database = new PeerDatabase(Path.Combine(dataPath, "wolverine.db"));
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = Tables;
        command.ExecuteNonQuery();
        return database;
    }

    public async Task<SqliteConnection> Open(CancellationToken cancellationToken) =>
        (SqliteConnection)await OpenConnectionAsync(cancellationToken);
}
