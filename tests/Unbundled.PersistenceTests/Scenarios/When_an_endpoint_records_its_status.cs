using Unbundled.Messaging.ServicePlatform;
using Unbundled.PersistenceTests.Infrastructure;
using Xunit;

namespace Unbundled.PersistenceTests.Scenarios;

/// <summary>Each endpoint's last heartbeat and check results, as the <c>/ops</c> page reads them (docs/operations.md).</summary>
public abstract class When_an_endpoint_records_its_status<TWorld> : PersistenceTest<TWorld>
    where TWorld : IPersistenceWorld, new()
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_read_back_the_last_status_of_each_endpoint_asked_for()
    {
        var store = World.EndpointStatus();
        var check = new CheckStatus("error queue empty", "Failed messages", HasFailed: true, "2 failed message(s) wait in error.", At);
        await store.Save(new EndpointStatus("Customers", "host-1", "vm", At, []));
        await store.Save(new EndpointStatus("Customers", "host-1", "vm", At.AddSeconds(10), [check]));
        await store.Save(new EndpointStatus("Projector", "host-2", "vm2", At, []));

        var statuses = await store.Read(["Customers", "Api"]);

        var customers = Assert.Single(statuses);
        Assert.Equal(("Customers", "host-1", "vm", At.AddSeconds(10)), (customers.Endpoint, customers.HostId, customers.Host, customers.LastHeartbeat));
        Assert.Equal(check, Assert.Single(customers.Checks));
    }
}
