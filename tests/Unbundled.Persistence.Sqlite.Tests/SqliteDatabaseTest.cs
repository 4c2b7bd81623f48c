using Microsoft.Data.Sqlite;
using Xunit;

namespace Unbundled.Persistence.Sqlite.Tests;

/// <summary>A fresh, installed database file per test in the temp folder, deleted afterwards.</summary>
public abstract class SqliteDatabaseTest : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "unbundled-sqlite-tests", Guid.NewGuid().ToString("N"));

    protected SqliteDatabase Database { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Database = new SqliteDatabase(Path.Combine(folder, "test.db"));
        await Database.Install();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}
