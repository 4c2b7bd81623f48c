using Microsoft.Data.Sqlite;

namespace Unbundled.Persistence.Sqlite;

/// <summary>The tables of the embedded shell.</summary>
internal static class Schema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS outbox (
            endpoint      TEXT NOT NULL,
            message_id    TEXT NOT NULL,
            operations    TEXT,             -- UTF-8 JSON as a blob; cleared once dispatched
            dispatched    INTEGER NOT NULL DEFAULT 0,
            dispatched_at INTEGER,          -- unix seconds
            PRIMARY KEY (endpoint, message_id)
        ) WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS outbox_dispatched_at ON outbox (dispatched_at) WHERE dispatched = 1;

        CREATE TABLE IF NOT EXISTS email_claims (
            email_key   TEXT PRIMARY KEY,   -- EmailAddress.Key: trimmed, case-folded
            customer_id TEXT NOT NULL,
            event_id    TEXT NOT NULL,
            email       TEXT NOT NULL,
            invited_at  TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS customers (
            id                TEXT PRIMARY KEY,
            email             TEXT NOT NULL,
            invited           INTEGER NOT NULL,
            invited_at        TEXT,
            applied_event_ids TEXT NOT NULL, -- JSON array: the projection skips what it has applied
            version           INTEGER NOT NULL DEFAULT 1 -- the save's optimistic check (SqliteCustomerViews)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS endpoint_status (
            endpoint       TEXT PRIMARY KEY,
            host_id        TEXT NOT NULL,
            host           TEXT NOT NULL,
            last_heartbeat TEXT NOT NULL,
            checks         TEXT NOT NULL    -- JSON array of the last result of each custom check (SqliteEndpointStatus)
        ) WITHOUT ROWID;
        """;

    /// <summary>
    /// Gives the customers of a file made before saves were version-checked their <c>version</c> column. Another process
    /// installing at the same moment may add it first: then this one finds it there.
    /// </summary>
    public static async Task AddViewVersions(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var check = connection.CreateCommand();
        check.CommandText = "SELECT COUNT(*) FROM pragma_table_info('customers') WHERE name = 'version'";
        if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0)
        {
            return;
        }

        try
        {
            await SqliteDatabase.Execute(connection, "ALTER TABLE customers ADD COLUMN version INTEGER NOT NULL DEFAULT 1;", cancellationToken);
        }
        catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.Ordinal))
        {
        }
    }
}
