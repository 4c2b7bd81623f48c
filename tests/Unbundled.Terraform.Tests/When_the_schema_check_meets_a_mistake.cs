using System.Text.Json.Nodes;
using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>The schema check itself: each kind of mistake, made in a copy of a real block, is reported with what to fix.</summary>
public sealed class When_the_schema_check_meets_a_mistake
{
    [Fact]
    public async Task Should_report_a_misspelt_attribute_with_the_name_it_meant()
    {
        var (configuration, schema) = await ProviderSchema.LoadWithConfiguration();
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
        var (configuration, schema) = await ProviderSchema.LoadWithConfiguration();
        var targets = configuration.Resource("aws_lb_target_group", "api");

        var problems = Check(targets with { Body = Renamed(targets.Body, "health_check", "health_checks") }, schema);

        Assert.Equal([$"{targets}: 'health_checks' is not an argument or block of aws_lb_target_group (did you mean 'health_check'?)."], problems);
    }

    [Fact]
    public async Task Should_check_the_content_of_dynamic_blocks_nested_in_blocks()
    {
        var (configuration, schema) = await ProviderSchema.LoadWithConfiguration();
        var listener = configuration.Resource("aws_lb_listener", "http");
        var body = listener.Body.DeepClone().AsObject();
        var redirect = body["default_action"]![0]!["dynamic"]!["redirect"]![0]!["content"]![0]!.AsObject();
        redirect["status"] = redirect["status_code"]!.DeepClone();
        redirect.Remove("status_code");

        var problems = Check(listener with { Body = body }, schema);

        Assert.Equal(
            [
                $"{listener}.default_action.redirect: 'status' is not an argument or block of aws_lb_listener.default_action.redirect.",
                $"{listener}.default_action.redirect: the required 'status_code' of aws_lb_listener.default_action.redirect is missing.",
            ],
            problems);
    }

    [Fact]
    public async Task Should_report_a_missing_required_attribute_and_block()
    {
        var (configuration, schema) = await ProviderSchema.LoadWithConfiguration();
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
        var (configuration, schema) = await ProviderSchema.LoadWithConfiguration();
        var table = configuration.Resource("aws_dynamodb_table", "unbundled");
        var body = table.Body.DeepClone().AsObject();
        body["ttl"] = body["ttl"]![0]!.DeepClone();

        var problems = Check(table with { Body = body }, schema);

        Assert.Equal([$"{table}: 'ttl' of aws_dynamodb_table is a block: write 'ttl {{ … }}', not 'ttl = {{ … }}'."], problems);
    }

    private static IReadOnlyList<string> Check(HclBlock block, ProviderSchema schema) =>
        SchemaCheck.Problems(block, schema.Of(block.Kind, block.Type)!);

    private static JsonObject Renamed(JsonObject body, string from, string to)
    {
        var copy = body.DeepClone().AsObject();
        var value = copy[from] ?? throw new InvalidOperationException($"The body has no '{from}' to rename.");
        copy.Remove(from);
        copy[to] = value;
        return copy;
    }
}
