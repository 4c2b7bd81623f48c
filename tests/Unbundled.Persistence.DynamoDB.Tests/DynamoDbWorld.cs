using Unbundled.Messaging;
using Unbundled.Messaging.Outbox;
using Unbundled.Persistence.DynamoDB.Tests.Infrastructure;
using Unbundled.PersistenceTests.Infrastructure;
using Unbundled.Ports;

namespace Unbundled.Persistence.DynamoDB.Tests;

/// <summary>A fresh, installed table per test on the shared dynalite, its name prefixed uniquely; deleted afterwards.</summary>
public sealed class DynamoDbWorld : IPersistenceWorld
{
    private EmulatorTable? table;
    private DynamoDbPersistence? persistence;

    public PersistenceDefinition Persistence => persistence ?? throw new InvalidOperationException("xunit initializes the world first.");

    public async Task InitializeAsync()
    {
        table = await EmulatorTable.Create();
        persistence = new DynamoDbPersistence(table.Table);
        await persistence.Install();
    }

    public IEmailClaims EmailClaims(ISynchronizedStorageSession session) => new DynamoDbEmailClaims(session);

    public ICustomerViews CustomerViews() => new DynamoDbCustomerViews(table!.Table);

    public Messaging.ServicePlatform.IEndpointStatusStore EndpointStatus() => new DynamoDbEndpointStatus(table!.Table);

    public async Task DisposeAsync()
    {
        if (table is not null)
        {
            await table.DisposeAsync();
        }
    }
}
