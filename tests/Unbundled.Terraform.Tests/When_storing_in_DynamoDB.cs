using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>The one table for read model, email claims and outbox, in NServiceBus.Persistence.DynamoDB's layout (docs/wire-format.md §7.1).</summary>
public sealed class When_storing_in_DynamoDB
{
    [Fact]
    public async Task There_is_one_table()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.Single(configuration.Resources("aws_dynamodb_table"));
    }

    [Fact]
    public async Task The_table_has_string_keys_PK_and_SK()
    {
        var table = await Table();

        Assert.Equal("PK", table.Text("hash_key"));
        Assert.Equal("SK", table.Text("range_key"));
        var attributes = table.Blocks("attribute").ToDictionary(attribute => Hcl.Text(attribute["name"])!, attribute => Hcl.Text(attribute["type"]));
        Assert.Equal(new Dictionary<string, string?> { ["PK"] = "S", ["SK"] = "S" }, attributes);
    }

    [Fact]
    public async Task The_table_is_billed_per_request()
    {
        var table = await Table();

        Assert.Equal("PAY_PER_REQUEST", table.Text("billing_mode"));
        Assert.Null(table["read_capacity"]);
        Assert.Null(table["write_capacity"]);
    }

    [Fact]
    public async Task Expired_items_are_removed_through_TTL_on_ExpiresAt()
    {
        var table = await Table();

        var ttl = Assert.Single(table.Blocks("ttl"));
        Assert.Equal("ExpiresAt", Hcl.Text(ttl["attribute_name"]));
        Assert.Equal(true, Hcl.Bool(ttl["enabled"]));
    }

    [Fact]
    public async Task Point_in_time_recovery_is_on()
    {
        var table = await Table();

        Assert.Equal(true, Hcl.Bool(Assert.Single(table.Blocks("point_in_time_recovery"))["enabled"]));
    }

    [Fact]
    public async Task The_table_is_named_by_the_variable_or_else_prefix_and_unbundled()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.Equal("${local.table_name}", (await Table()).Text("name"));
        var tableName = Hcl.Text(configuration.Locals["table_name"]) ?? "";
        Assert.Contains("var.table_name", tableName);
        Assert.Contains("\"${var.name_prefix}unbundled\"", tableName);
    }

    private static async Task<HclBlock> Table() =>
        (await TerraformConfiguration.Load()).Resource("aws_dynamodb_table", "unbundled");
}
