using Unbundled.Domain.Commands;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.Infrastructure;

/// <summary>A fresh Customers endpoint on DynamoDB per test, and the one invite the outbox cases deliver.</summary>
public abstract class CustomersTest : IAsyncLifetime
{
    protected const string MessageId = "invite-1";

    protected static readonly InviteCustomer Command =
        new("ada@example.com", Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    protected CustomersWorld World { get; private set; } = null!;

    public async Task InitializeAsync() => World = await CustomersWorld.Create();

    public async Task DisposeAsync() => await World.DisposeAsync();
}
