using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>Application Auto Scaling: Customers and Projector on their queue's depth, the API on CPU.</summary>
public sealed class When_scaling_the_services
{
    [Fact]
    public async Task Should_scale_every_service_between_its_desired_and_its_maximum_count()
    {
        var configuration = await TerraformConfiguration.Load();

        var target = configuration.Resource("aws_appautoscaling_target", "service");

        Assert.Equal("${var.deployment == \"ecs\" ? local.endpoint_queues : {}}", target.Text("for_each"));
        Assert.Equal("ecs:service:DesiredCount", target.Text("scalable_dimension"));
        Assert.Equal("service/${aws_ecs_cluster.this[0].name}/${aws_ecs_service.service[each.key].name}", target.Text("resource_id"));
        Assert.Equal("${var.desired_counts[each.key]}", target.Text("min_capacity"));
        Assert.Contains("var.max_counts[each.key]", target.Text("max_capacity"));
    }

    [Fact]
    public async Task Should_track_the_visible_messages_of_the_customers_and_projector_input_queues()
    {
        var configuration = await TerraformConfiguration.Load();

        var policy = configuration.Resource("aws_appautoscaling_policy", "queue_depth");

        Assert.Equal(["customers", "projector"], configuration.Instances(policy).Select(instance => instance.Key));
        Assert.Equal("TargetTrackingScaling", policy.Text("policy_type"));
        var tracking = Assert.Single(policy.Blocks("target_tracking_scaling_policy_configuration"));
        Assert.Equal("${var.queue_depth_target}", Hcl.Text(tracking["target_value"]));
        var metric = Assert.Single(Hcl.Blocks(tracking, "customized_metric_specification"));
        Assert.Equal(("AWS/SQS", "ApproximateNumberOfMessagesVisible"), (Hcl.Text(metric["namespace"]), Hcl.Text(metric["metric_name"])));
        var dimension = Assert.Single(Hcl.Blocks(metric, "dimensions"));
        Assert.Equal(("QueueName", "${aws_sqs_queue.endpoint[each.key].name}"), (Hcl.Text(dimension["name"]), Hcl.Text(dimension["value"])));
    }

    [Fact]
    public async Task Should_scale_the_api_on_its_average_cpu()
    {
        var configuration = await TerraformConfiguration.Load();

        var tracking = Assert.Single(configuration.Resource("aws_appautoscaling_policy", "api_cpu").Blocks("target_tracking_scaling_policy_configuration"));

        var metric = Assert.Single(Hcl.Blocks(tracking, "predefined_metric_specification"));
        Assert.Equal("ECSServiceAverageCPUUtilization", Hcl.Text(metric["predefined_metric_type"]));
    }

    [Fact]
    public async Task Should_leave_the_running_count_to_autoscaling_after_the_first_apply()
    {
        var configuration = await TerraformConfiguration.Load();

        var lifecycle = Assert.Single(configuration.Resource("aws_ecs_service", "service").Blocks("lifecycle"));

        Assert.Equal(["${desired_count}"], Hcl.Strings(lifecycle["ignore_changes"]));
    }
}
