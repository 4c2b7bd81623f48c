using Microsoft.Data.Sqlite;
using Unbundled.Messaging;
using Unbundled.Messaging.Outbox;
using Unbundled.PersistenceTests.Infrastructure;
using Unbundled.Ports;

namespace Unbundled.Persistence.Sqlite.Tests;

/// <summary>A fresh database file per test in the temp folder.</summary>
public sealed class SqliteWorld : IPersistenceWorld
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "unbundled-sqlite-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase database;

    public SqliteWorld()
    {
        database = new SqliteDatabase(Path.Combine(folder, "test.db"));
        Persistence = new SqlitePersistence(database);
    }

    public PersistenceDefinition Persistence { get; }

    public Task InitializeAsync() => Persistence.Install();

    public IEmailClaims EmailClaims(ISynchronizedStorageSession session) => new SqliteEmailClaims(session);

    public ICustomerViews CustomerViews() => new SqliteCustomerViews(database);

    public Messaging.ServicePlatform.IEndpointStatusStore EndpointStatus() => new SqliteEndpointStatus(database);

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}
