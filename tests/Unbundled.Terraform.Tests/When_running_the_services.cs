using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>ECS Fargate services for the three deployables, and the load balancer in front of the API.</summary>
public sealed class When_running_the_services
{
    private const string PerEndpoint = "${var.deployment == \"ecs\" ? local.endpoint_queues : {}}";

    [Fact]
    public async Task There_is_a_service_task_definition_and_log_group_per_endpoint()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.Equal(PerEndpoint, configuration.Resource("aws_ecs_service", "service").Text("for_each"));
        Assert.Equal(PerEndpoint, configuration.Resource("aws_ecs_task_definition", "service").Text("for_each"));
        Assert.Equal(PerEndpoint, configuration.Resource("aws_cloudwatch_log_group", "service").Text("for_each"));
    }

    [Fact]
    public async Task Every_container_is_told_to_run_the_aws_shell_with_the_names_terraform_created()
    {
        var configuration = await TerraformConfiguration.Load();

        var environment = configuration.Locals["service_environment"]!.AsObject().ToDictionary(entry => entry.Key, entry => Hcl.Text(entry.Value));

        Assert.Equal("aws", environment["Unbundled__Shell"]);
        Assert.Equal("${var.region}", environment["AWS_REGION"]);
        Assert.Equal("${local.queue_name_prefix}", environment["Unbundled__QueueNamePrefix"]);
        Assert.Equal("${local.topic_name_prefix}", environment["Unbundled__TopicNamePrefix"]);
        Assert.Equal("${local.table_name}", environment["Unbundled__TableName"]);
        Assert.Equal("false", environment["Unbundled__EnableInstallers"]);
        Assert.Contains("local.service_environment", configuration.Resource("aws_ecs_task_definition", "service").Text("container_definitions"));
    }

    [Fact]
    public async Task The_services_run_on_Fargate()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.Equal("FARGATE", configuration.Resource("aws_ecs_service", "service").Text("launch_type"));
        var task = configuration.Resource("aws_ecs_task_definition", "service");
        Assert.Equal(["FARGATE"], Hcl.Strings(task["requires_compatibilities"]));
        Assert.Equal("awsvpc", task.Text("network_mode"));
    }

    [Fact]
    public async Task The_load_balancer_sends_to_port_8080_and_checks_health_at_slash_health()
    {
        var configuration = await TerraformConfiguration.Load();

        var targets = configuration.Resource("aws_lb_target_group", "api");
        Assert.Equal(8080, Hcl.Number(targets["port"]));
        Assert.Equal("ip", targets.Text("target_type"));
        var health = Assert.Single(targets.Blocks("health_check"));
        Assert.Equal("/health", Hcl.Text(health["path"]));

        var attachment = Assert.Single(Hcl.Blocks(configuration.Resource("aws_ecs_service", "service")["dynamic"]!.AsObject(), "load_balancer"));
        Assert.Equal(8080, Hcl.Number(Assert.Single(Hcl.Blocks(attachment, "content"))["container_port"]));
        Assert.Contains("each.key == \"api\"", Hcl.Text(attachment["for_each"]));
    }

    [Fact]
    public async Task Every_log_group_has_a_retention()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.All(configuration.Resources("aws_cloudwatch_log_group"), group => Assert.NotNull(group["retention_in_days"]));
    }
}
