using System.Collections.Concurrent;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// Writers of one database file in this process take turns before they ask SQLite for its write lock. SQLite lets one
/// writer in at a time and makes the others sleep in its busy handler, first 1 ms, then 2, 5, 10 ms and more, so writers
/// colliding in one process left the processor idle while they slept; waiting here instead hands the turn over the moment
/// the writer before commits. Other processes on the same file still meet SQLite's busy handler.
/// </summary>
internal static class WriteTurns
{
    // One per database file, for the life of the process.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ByPath = new(StringComparer.Ordinal);

    /// <summary>Waits for this process's turn to write to <paramref name="databasePath"/>, as long as SQLite itself would wait.</summary>
    public static async Task<Turn> Take(string databasePath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var turn = ByPath.GetOrAdd(databasePath, _ => new SemaphoreSlim(1, 1));
        if (!await turn.WaitAsync(timeout, cancellationToken))
        {
            throw new TimeoutException($"No turn to write to the database within {timeout.TotalSeconds:0} s.");
        }

        return new Turn(turn);
    }

    /// <summary>Ends the turn when disposed; dispose it after the commit or rollback.</summary>
    public sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
