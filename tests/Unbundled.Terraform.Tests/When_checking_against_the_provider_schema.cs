using System.Text.Json.Nodes;
using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>Every resource, data source and provider block against the AWS provider's schema, as terraform validate would.</summary>
public sealed class When_checking_against_the_provider_schema
{
    [Fact]
    public async Task Should_know_every_resource_and_data_source_type()
    {
        var (configuration, schema) = await Load();

        Assert.All(configuration.AllResourcesAndDataSources, block =>
            Assert.True(schema.Of(block.Kind, block.Type) is not null, $"{block}: the AWS provider {schema.ProviderVersion} has no {block.Kind} type {block.Type}."));
    }

    [Fact]
    public async Task Should_find_every_argument_and_block_in_the_schema_and_every_required_one_set()
    {
        var (configuration, schema) = await Load();

        var problems =
            from block in configuration.AllResourcesAndDataSources
            where schema.Of(block.Kind, block.Type) is not null
            from problem in Check(block, schema)
            select problem;
        var providerProblems =
            from provider in configuration.Providers
            from problem in SchemaCheck.Problems($"provider.{provider.Name} ({provider.File})", "the aws provider", provider.Body, schema.ProviderBlock, SchemaCheck.DataMetaArguments)
            select problem;

        Assert.Empty(problems.Concat(providerProblems));
    }

    [Fact]
    public async Task Should_pin_the_provider_version_the_schema_belongs_to()
    {
        var (configuration, schema) = await Load();

        var aws = Assert.Single(Hcl.Blocks(Assert.Single(configuration.TerraformSettings), "required_providers"))["aws"];
        Assert.EndsWith(Hcl.Text(aws?["source"]) ?? "", schema.ProviderSource);
        Assert.Equal(schema.ProviderVersion, Hcl.Text(aws?["version"]));
    }

    [Fact]
    public async Task Should_report_a_misspelt_attribute_with_the_name_it_meant()
    {
        var (configuration, schema) = await Load();
        var queue = configuration.Resource("aws_sqs_queue", "error");

        var problems = Check(queue with { Body = Renamed(queue.Body, "message_retention_seconds", "message_retention_second") }, schema);

        Assert.Equal(
            [$"{queue}: 'message_retention_second' is not an argument or block of aws_sqs_queue (did you mean 'message_retention_seconds'?)."],
            problems);
    }

    [Fact]
    public async Task Should_not_know_a_misspelt_resource_type()
    {
        var configuration = await TerraformConfiguration.Load();
        var queue = configuration.Resource("aws_sqs_queue", "error");

        var schema = await ProviderSchema.For([queue with { Type = "aws_sqs_queues" }]);

        Assert.Null(schema.Of("resource", "aws_sqs_queues"));
        Assert.NotNull((await ProviderSchema.Load()).Of("resource", "aws_sqs_queue"));
    }

    [Fact]
    public async Task Should_report_a_misspelt_nested_block()
    {
        var (configuration, schema) = await Load();
        var targets = configuration.Resource("aws_lb_target_group", "api");

        var problems = Check(targets with { Body = Renamed(targets.Body, "health_check", "health_checks") }, schema);

        Assert.Equal([$"{targets}: 'health_checks' is not an argument or block of aws_lb_target_group (did you mean 'health_check'?)."], problems);
    }

    [Fact]
    public async Task Should_report_a_missing_required_attribute_and_block()
    {
        var (configuration, schema) = await Load();
        var listener = configuration.Resource("aws_lb_listener", "http");
        var body = listener.Body.DeepClone().AsObject();
        body.Remove("load_balancer_arn");
        body.Remove("default_action");

        var problems = Check(listener with { Body = body }, schema);

        Assert.Equal(
            [$"{listener}: the required 'load_balancer_arn' of aws_lb_listener is missing.", $"{listener}: the required 'default_action' of aws_lb_listener is missing."],
            problems);
    }

    [Fact]
    public async Task Should_report_a_block_written_as_an_attribute()
    {
        var (configuration, schema) = await Load();
        var table = configuration.Resource("aws_dynamodb_table", "unbundled");
        var body = table.Body.DeepClone().AsObject();
        body["ttl"] = body["ttl"]![0]!.DeepClone();

        var problems = Check(table with { Body = body }, schema);

        Assert.Equal([$"{table}: 'ttl' of aws_dynamodb_table is a block: write 'ttl {{ … }}', not 'ttl = {{ … }}'."], problems);
    }

    private static IReadOnlyList<string> Check(HclBlock block, ProviderSchema schema) =>
        SchemaCheck.Problems(
            block.ToString(), block.Type, block.Body, schema.Of(block.Kind, block.Type)!,
            block.Kind == "data" ? SchemaCheck.DataMetaArguments : SchemaCheck.ResourceMetaArguments);

    private static JsonObject Renamed(JsonObject body, string from, string to)
    {
        var copy = body.DeepClone().AsObject();
        var value = copy[from] ?? throw new InvalidOperationException($"The body has no '{from}' to rename.");
        copy.Remove(from);
        copy[to] = value;
        return copy;
    }

    private static async Task<(TerraformConfiguration Configuration, ProviderSchema Schema)> Load()
    {
        var configuration = await TerraformConfiguration.Load();
        return (configuration, await ProviderSchema.Load());
    }
}
