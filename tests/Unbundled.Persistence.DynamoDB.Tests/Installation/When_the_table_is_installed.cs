using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Unbundled.Persistence.DynamoDB.Tests.Infrastructure;
using Unbundled.Testing.Aws;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.Installation;

public sealed class When_the_table_is_installed : IAsyncLifetime
{
    private readonly ListLogger log = new();
    private EmulatorTable table = null!;

    public async Task InitializeAsync() => table = await EmulatorTable.Create(log);

    public async Task DisposeAsync() => await table.DisposeAsync();

    [Fact]
    public async Task Should_create_an_active_on_demand_table_keyed_by_the_strings_PK_and_SK()
    {
        await table.Table.Install();

        var description = (await table.Client.DescribeTableAsync(table.Table.Name)).Table;
        Assert.Equal(TableStatus.ACTIVE, description.TableStatus);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, description.BillingModeSummary.BillingMode);
        Assert.Equal([("PK", "HASH"), ("SK", "RANGE")], description.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)));
        Assert.All(description.AttributeDefinitions, a => Assert.Equal(ScalarAttributeType.S, a.AttributeType));
    }

    [Fact]
    public async Task Should_say_so_and_carry_on_when_the_emulator_cannot_enable_TTL()
    {
        await table.Table.Install();

        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("UpdateTimeToLive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_succeed_when_several_processes_install_at_once_and_when_run_again()
    {
        // Separate DynamoDbTable instances share no in-process state, as separate processes would.
        var installers = Enumerable.Range(0, 3).Select(_ => new DynamoDbTable(table.Client, table.Table.Name)).ToList();

        await Task.WhenAll(installers.Select(installer => installer.Install()));
        await new DynamoDbTable(table.Client, table.Table.Name).Install();
    }

    [Fact]
    public async Task Should_refuse_a_table_with_other_keys()
    {
        await table.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table.Table.Name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("Id", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("Id", KeyType.HASH)],
        });

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => table.Table.Install());
        Assert.Contains("PK (HASH) and SK (RANGE)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_name_DynamoDB_would_refuse()
    {
        Assert.Throws<ArgumentException>(() => new DynamoDbTable(table.Client, "x"));
        Assert.Throws<ArgumentException>(() => new DynamoDbTable(table.Client, namePrefix: "my prefix/"));
        Assert.Equal(NamePrefix.Create().Length + DynamoDbTable.DefaultName.Length, new DynamoDbTable(table.Client, namePrefix: NamePrefix.Create()).Name.Length);
    }
}
