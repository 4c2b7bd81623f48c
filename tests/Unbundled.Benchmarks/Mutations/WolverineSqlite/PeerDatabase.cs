using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Unbundled.Benchmarks.Mutations.WolverineSqlite;

/// <summary>
/// The peer's one SQLite file, shared by Wolverine's inbox and outbox tables and the peer's own claims and read model, so
/// a claim and the messages it produces commit in one transaction. Wolverine takes it as its <see cref="DbDataSource"/>:
/// every connection, Wolverine's own included, gets the durability ours runs with (WAL, <c>synchronous = NORMAL</c>) and
/// SQLite's busy handler instead of Microsoft.Data.Sqlite's 150 ms retry sleeps.
/// </summary>
public sealed class PeerDatabase : DbDataSource
{
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS email_claims (
            email_key TEXT PRIMARY KEY, customer_id TEXT NOT NULL, event_id TEXT NOT NULL, email TEXT NOT NULL, invited_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS customers (id TEXT PRIMARY KEY, view TEXT NOT NULL) WITHOUT ROWID;
        """;

    private readonly string connectionString;

    private PeerDatabase(string path) =>
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

    public override string ConnectionString => connectionString;

    /// <summary>Creates the file in WAL mode (a setting of the file, kept across connections) with the peer's own tables.</summary>
    public static PeerDatabase Create(string dataPath)
    {
        var database = new PeerDatabase(Path.Combine(dataPath, "wolverine.db"));
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; " + Tables;
        command.ExecuteNonQuery();
        return database;
    }

    public async Task<SqliteConnection> Open(CancellationToken cancellationToken) =>
        (SqliteConnection)await OpenConnectionAsync(cancellationToken);

    protected override DbConnection CreateDbConnection() => new TunedConnection(connectionString);

    /// <summary>A connection that sets, on every open, what SQLite keeps per connection only.</summary>
    private sealed class TunedConnection(string connectionString) : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();
            using var command = CreateCommand();
            command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";
            command.ExecuteNonQuery();
        }
    }
}
