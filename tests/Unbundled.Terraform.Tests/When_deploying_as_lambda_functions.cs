using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>
/// <c>deployment = "lambda"</c>: the three endpoints as functions, the ECS deployment's resources left out, nothing that
/// costs money while idle, and each function role granted exactly its calls (docs/lambda.md#permissions).
/// </summary>
public sealed class When_deploying_as_lambda_functions
{
    private const string PerEndpointOnLambda = "${var.deployment == \"lambda\" ? local.endpoint_queues : {}}";

    /// <summary>Billed by the hour whether used or not, or part of the ECS deployment only.</summary>
    private static readonly string[] EcsOrIdleCost =
        ["aws_ecs_", "aws_lb", "aws_vpc", "aws_subnet", "aws_internet_gateway", "aws_route_table", "aws_security_group", "aws_appautoscaling_",
         "aws_nat_gateway", "aws_eip", "aws_efs_", "aws_service_discovery_", "aws_lambda_provisioned_concurrency_config"];

    [Fact]
    public async Task Should_deploy_on_ecs_unless_told_lambda_and_accept_nothing_else()
    {
        var configuration = await TerraformConfiguration.Load();
        var deployment = configuration.Variable("deployment");

        Assert.Empty(configuration.ParseErrors);
        Assert.Equal("ecs", deployment.Text("default"));
        Assert.Equal("${contains([\"ecs\", \"lambda\"], var.deployment)}", Hcl.Text(deployment.Blocks("validation").Single()["condition"]));
        Assert.Equal("${var.deployment == \"ecs\"}", Hcl.Text(configuration.Locals["ecs"]));
    }

    [Fact]
    public async Task Should_create_no_ecs_load_balancer_network_or_nat_on_lambda()
    {
        var configuration = await TerraformConfiguration.Load();
        var ecsOnly = EcsOrIdleCost.SelectMany(prefix => AllOfTypesStartingWith(configuration, prefix)).ToList();

        Assert.NotEmpty(ecsOnly);
        Assert.DoesNotContain(ecsOnly, resource => resource.Type is "aws_nat_gateway" or "aws_eip" or "aws_lambda_provisioned_concurrency_config");
        Assert.All(ecsOnly, resource => Assert.True(OnEcsOnly(resource), $"{resource} is created on lambda too: count or for_each must depend on local.ecs, var.deployment or the service platform"));
        // The service platform runs on ECS: lambda refuses it.
        var refusal = configuration.Resource("aws_lambda_function", "endpoint").Blocks("lifecycle").Single()["precondition"]!.AsArray();
        Assert.Contains(refusal, precondition => Hcl.Text(precondition?["condition"]) == "${!var.enable_service_platform}");
    }

    [Fact]
    public async Task Should_run_each_endpoint_as_an_arm64_custom_runtime_function_only_on_lambda()
    {
        var configuration = await TerraformConfiguration.Load();
        var function = configuration.Resource("aws_lambda_function", "endpoint");

        Assert.Equal(PerEndpointOnLambda, function.Text("for_each"));
        Assert.Equal("provided.al2023", function.Text("runtime"));
        Assert.Equal(["arm64"], Hcl.Strings(function["architectures"]));
        Assert.Equal("${each.key}", function.Text("handler"));
        Assert.Equal("${var.lambda_memory_sizes[each.key]}", function.Text("memory_size"));
        Assert.Equal("${aws_cloudwatch_log_group.function[each.key].name}", Hcl.Text(function.Blocks("logging_config").Single()["log_group"]));
        Assert.Equal(PerEndpointOnLambda, configuration.Resource("aws_cloudwatch_log_group", "function").Text("for_each"));
        Assert.Equal("${var.log_retention_days}", configuration.Resource("aws_cloudwatch_log_group", "function").Text("retention_in_days"));
        Assert.Equal(PerEndpointOnLambda, configuration.Resource("aws_iam_role", "function").Text("for_each"));
        Assert.Equal("${local.ecs ? 0 : 1}", configuration.Resource("aws_lambda_function_url", "api").Text("count"));
    }

    [Fact]
    public async Task Should_feed_customers_and_projector_from_their_queues_with_partial_batch_responses()
    {
        var configuration = await TerraformConfiguration.Load();
        var mapping = configuration.Resource("aws_lambda_event_source_mapping", "endpoint");

        Assert.Equal("${var.deployment == \"lambda\" ? local.mapped_functions : {}}", mapping.Text("for_each"));
        Assert.Equal(["customers", "projector"], configuration.StringMap("mapped_functions").Keys.Order());
        Assert.Equal(["ReportBatchItemFailures"], Hcl.Strings(mapping["function_response_types"]));
        Assert.Equal("${var.lambda_maximum_concurrency}", Hcl.Text(mapping.Blocks("scaling_config").Single()["maximum_concurrency"]));
        // No batching window: a mutation waits on each hop.
        Assert.Null(mapping.Text("maximum_batching_window_in_seconds"));
        Assert.Equal("${local.ecs ? 30 : 6 * var.lambda_timeout_seconds}", configuration.Resource("aws_sqs_queue", "endpoint").Text("visibility_timeout_seconds"));
    }

    [Fact]
    public async Task Should_grant_each_function_role_exactly_its_functions_calls()
    {
        var configuration = await TerraformConfiguration.Load();
        var values = new TerraformValues(configuration);
        var topology = CodeTopology.Current;

        foreach (var (role, queue) in configuration.StringMap("endpoint_queues"))
        {
            var endpoint = topology.Endpoints.Single(e => e.Transport.Queues[0].Name == CodeTopology.Prefix + queue);
            var granted = new RolePolicy(configuration, values, role, "function").Allowed;
            Assert.Equal(LambdaGrants.Expected(topology, endpoint, role).Order(), granted.Order());
            Assert.DoesNotContain(granted, grant => grant.Resource.EndsWith("-delay.fifo", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Should_let_only_lambda_of_this_account_assume_the_function_roles()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.Equal("${data.aws_iam_policy_document.lambda_assume.json}", configuration.Resource("aws_iam_role", "function").Text("assume_role_policy"));
        var statement = Assert.Single(configuration.DataSource("aws_iam_policy_document", "lambda_assume").Blocks("statement"));
        Assert.Equal(["sts:AssumeRole"], Policies.Actions(statement));
        Assert.Equal(["lambda.amazonaws.com"], Hcl.Strings(Assert.Single(Hcl.Blocks(statement, "principals"))["identifiers"]));
        Assert.Contains(Hcl.Blocks(statement, "condition"), condition =>
            Hcl.Text(condition["variable"]) == "aws:SourceAccount" && Hcl.Strings(condition["values"]).SequenceEqual(["${local.account_id}"]));
    }

    private static IEnumerable<HclBlock> AllOfTypesStartingWith(TerraformConfiguration configuration, string prefix) =>
        configuration.AllResourcesAndDataSources.Where(resource => resource.Kind == "resource" && resource.Type.StartsWith(prefix, StringComparison.Ordinal));

    private static bool OnEcsOnly(HclBlock resource) =>
        (resource.Text("count") ?? resource.Text("for_each") ?? "") is var gate
        && (gate.Contains("local.ecs", StringComparison.Ordinal) || gate.Contains("var.deployment == \"ecs\"", StringComparison.Ordinal)
            || gate.Contains("local.platform", StringComparison.Ordinal) || gate.Contains("var.enable_service_platform", StringComparison.Ordinal)
            || gate.Contains("local.listener_ports", StringComparison.Ordinal));
}
