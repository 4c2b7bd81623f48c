namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// Marks outbox records as dispatched in the process's shared write batches (<see cref="BatchedWrites"/>), off the
/// message's path: one short write transaction for many marks and saves instead of one each. If the process dies before a
/// mark is written, a redelivery finds its record undispatched and sends the same messages (same ids) again: at least
/// once, never lost. Once an hour a batch also removes the records older than the time to keep.
/// </summary>
internal sealed class DispatchMarks(SqliteDatabase database, string endpoint, TimeSpan timeToKeep)
{
    private const string Mark = """
        UPDATE outbox SET dispatched = 1, dispatched_at = $now, operations = NULL
        WHERE endpoint = $endpoint AND message_id = $id
        """;

    private const string Cleanup = "DELETE FROM outbox WHERE endpoint = $endpoint AND dispatched = 1 AND dispatched_at < $before";

    private long nextCleanup;

    /// <summary>Completes when the mark is committed.</summary>
    public Task Add(string messageId)
    {
        var now = database.Time.GetUtcNow().ToUnixTimeSeconds();
        var cleanupDue = Interlocked.Read(ref nextCleanup);
        if (now >= cleanupDue && Interlocked.CompareExchange(ref nextCleanup, now + 3600, cleanupDue) == cleanupDue)
        {
            _ = BatchedWrites.Add(database, new BatchedStatement(Cleanup, ("$endpoint", endpoint), ("$before", now - (long)timeToKeep.TotalSeconds)));
        }

        return BatchedWrites.Add(database, new BatchedStatement(Mark, ("$now", now), ("$endpoint", endpoint), ("$id", messageId)));
    }
}
