using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Unbundled.Messaging.Batching;

namespace Unbundled.Persistence.Sqlite;

/// <summary>
/// One SQLite file shared by every endpoint and process of the embedded shell, in WAL mode so readers never block the
/// writer. Microsoft.Data.Sqlite pools connections and retries while another process holds the write lock. An object
/// holds the file's writer (<see cref="BatchedWrites"/>) and checkpoints (<see cref="WalCheckpoints"/>) for its process:
/// the endpoints of one process share one object per file (docs/process-scope.md), and the process scope disposes it
/// after they stopped.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Enough for every message and request in flight at once; beyond it, returned connections are closed.</summary>
    private const int MaxIdleConnections = 32;

    private readonly ConcurrentStack<PreparedConnection> idle = new();
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> configured = [];

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
        Writer = BatchedWrites.WriterFor(this);
        Checkpoints = new WalCheckpoints.State();
    }

    internal RequestBatcher<IReadOnlyList<BatchedStatement>, Exception?> Writer { get; }

    internal WalCheckpoints.State Checkpoints { get; }

    public string Path { get; }

    /// <summary>The clock of the outbox's dispatch marks and their clean-up.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public string ConnectionString { get; }

    public async Task<SqliteConnection> Open(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);

        // Pooled connections keep their settings: configure each physical connection once, not on every open.
        // (Per object: a physical connection another object on the file configured is configured again, harmlessly.)
        if (configured.TryAdd(connection.Handle!, configured))
        {
            // NORMAL is durable in WAL mode except for the last transactions before a power cut; the outbox re-dispatches
            // them. busy_timeout lets SQLite itself wait for the write lock: Microsoft.Data.Sqlite's own retry sleeps 150 ms.
            // No automatic checkpoints: they would run inside a commit (see WalCheckpoints). A log that a passive
            // checkpoint caught up with is rewound by the next commit, which writes over the file's blocks: cutting
            // the file back and growing it again cost an ftruncate(2) of ~0.1 ms and ext4 allocating the blocks anew
            // (journal_size_limit only cuts a log that grew past twice the reset point).
            await Execute(
                connection,
                $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {BusyTimeout.TotalMilliseconds}; PRAGMA wal_autocheckpoint = 0; "
                + $"PRAGMA journal_size_limit = {2 * WalCheckpoints.ResetAt};",
                cancellationToken);
            WalFrames.Watch(connection, Checkpoints);
        }

        return connection;
    }

    /// <summary>An open connection with its prepared statements, for one caller until the lease is disposed.</summary>
    internal async Task<Lease> Rent(CancellationToken cancellationToken) =>
        new(this, idle.TryPop(out var connection) ? connection : new PreparedConnection(await Open(cancellationToken)));

    /// <summary>Creates the file and every table; safe to run again and from several processes.</summary>
    public async Task Install(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        await using var connection = await Open(cancellationToken);
        await Execute(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        await Execute(connection, Schema.Sql, cancellationToken);
        await Schema.AddViewVersions(connection, cancellationToken);
    }

    internal static async Task Execute(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Closes the checkpointer's connection and the idle pooled ones; call it once nothing writes any more.</summary>
    public async ValueTask DisposeAsync()
    {
        await WalCheckpoints.Close(Checkpoints);
        while (idle.TryPop(out var connection))
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>A rented <see cref="PreparedConnection"/>; disposing it gives the connection back.</summary>
    internal sealed class Lease(SqliteDatabase database, PreparedConnection connection) : IAsyncDisposable
    {
        private PreparedConnection? rented = connection;

        public PreparedConnection Connection => rented ?? throw new ObjectDisposedException(nameof(Lease));

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref rented, null) is not { } returned)
            {
                return;
            }

            if (database.idle.Count < MaxIdleConnections)
            {
                database.idle.Push(returned);
            }
            else
            {
                await returned.DisposeAsync();
            }
        }
    }
}
