using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Unbundled.Persistence.Sqlite.Tests;

/// <summary>A fresh, installed database file per test in the temp folder, deleted afterwards.</summary>
public abstract class SqliteDatabaseTest : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "unbundled-sqlite-tests", Guid.NewGuid().ToString("N"));

    protected SqliteDatabase Database { get; private set; } = null!;

    /// <summary>The database's clock: the checkpoints' interval passes when a test advances it.</summary>
    protected FakeTimeProvider Time { get; } = new();

    public virtual async Task InitializeAsync()
    {
        Database = new SqliteDatabase(Path.Combine(folder, "test.db")) { Time = Time };
        await Database.Install();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}
