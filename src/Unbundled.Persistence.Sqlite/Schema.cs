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
            applied_event_ids TEXT NOT NULL  -- JSON array: the projection skips what it has applied
        ) WITHOUT ROWID;
        """;
}
