using Unbundled.Messaging.CustomChecks;
using Unbundled.Persistence.DynamoDB.Checks;
using Unbundled.Persistence.DynamoDB.Tests.Infrastructure;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.Checks;

/// <summary>The AWS shell's persistence check (docs/servicecontrol.md, "Custom checks") against dynalite.</summary>
public sealed class When_the_persistence_checks_its_table : IAsyncLifetime
{
    private EmulatorTable table = null!;

    public async Task InitializeAsync() => table = await EmulatorTable.Create();

    public async Task DisposeAsync() => await table.DisposeAsync();

    [Fact]
    public async Task Should_pass_once_the_table_is_active()
    {
        await table.Table.Install();

        Assert.Equal(CheckResult.Pass, await new DynamoDbTableActive(table.Table, TimeSpan.FromMinutes(1)).PerformCheck());
    }

    [Fact]
    public async Task Should_fail_naming_a_table_that_does_not_exist()
    {
        var result = await new DynamoDbTableActive(table.Table, TimeSpan.FromMinutes(1)).PerformCheck();

        Assert.True(result.HasFailed);
        Assert.StartsWith($"The table {table.Table.Name} cannot be reached:", result.FailureReason, StringComparison.Ordinal);
    }
}
