using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>The optional Particular Service Platform: ServiceControl's three instances and ServicePulse on the SQS transport.</summary>
public sealed class When_running_the_service_platform
{
    private static readonly string[] Instances = ["audit", "monitoring", "servicecontrol", "servicepulse"];

    [Fact]
    public async Task Should_be_off_unless_enabled_and_create_nothing_when_off()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.Equal(false, Hcl.Bool(configuration.Variable("enable_service_platform")["default"]));
        var platform = configuration.AllResourcesAndDataSources.Where(block => block.File.StartsWith("service_platform", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(platform);
        Assert.All(platform, block =>
        {
            var condition = block.Text("count") ?? block.Text("for_each") ?? "";
            Assert.True(condition.Contains("var.enable_service_platform", StringComparison.Ordinal) || condition.Contains("local.platform", StringComparison.Ordinal), $"{block} is created whether the platform is on or not.");
        });
        Assert.Equal("${var.enable_service_platform}", Hcl.Text(configuration.Locals["platform"]));
    }

    [Fact]
    public async Task Should_run_each_instance_from_particulars_image_with_the_database_of_the_same_version()
    {
        var configuration = await TerraformConfiguration.Load();

        var images = configuration.StringMap("service_platform_images");

        Assert.Equal(Instances, images.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["particular/servicecontrol", "particular/servicecontrol-audit", "particular/servicecontrol-monitoring", "particular/servicepulse"], images.Values.Order(StringComparer.Ordinal));
        Assert.Equal(Instances, configuration.Instances(configuration.Resource("aws_ecs_service", "service_platform")).Select(service => service.Key!).Order(StringComparer.Ordinal));
        var containers = configuration.Resource("aws_ecs_task_definition", "service_platform").Text("container_definitions");
        Assert.Contains("image       = \"particular/servicecontrol-ravendb:${var.service_platform_version}\"", containers);
        Assert.Contains("containerPath = \"/var/lib/ravendb/data\"", containers);
        Assert.Equal(["audit", "servicecontrol"], configuration.StringMap("service_platform_databases").Keys);
    }

    [Fact]
    public async Task Should_use_the_sqs_transport_with_the_region_and_the_endpoints_name_prefixes()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.Equal("AmazonSQS", Hcl.Text(configuration.Locals["service_platform_transport"]?["TRANSPORTTYPE"]));
        Assert.Equal("${local.service_platform_connection_string}", Hcl.Text(configuration.Locals["service_platform_transport"]?["CONNECTIONSTRING"]));
        Assert.Equal(
            "Region=${var.region};QueueNamePrefix=${local.queue_name_prefix};TopicNamePrefix=${local.topic_name_prefix}",
            Hcl.Text(configuration.Locals["service_platform_connection_string"]));
    }

    [Theory]
    // The physical names NServiceBus.AmazonSQS gives these logical queues: every character outside [A-Za-z0-9_-] becomes '-'.
    [InlineData("servicecontrol_error", "Particular-ServiceControl-Error")]
    [InlineData("audit", "Particular-ServiceControl-Audit")]
    [InlineData("audit_error", "Particular-ServiceControl-Audit-Error")]
    public async Task Should_create_the_instances_queues_under_their_nservicebus_names(string key, string physicalName)
    {
        var configuration = await TerraformConfiguration.Load();

        var queue = Assert.Single(configuration.Instances("aws_sqs_queue"), instance => instance.Resource.Name == "service_platform" && instance.Key == key);

        Assert.Equal(physicalName, Hcl.LiteralAfter(queue.Text("name")!, "${local.queue_name_prefix}"));
        Assert.Contains("var.enable_service_platform", configuration.Resource("aws_sqs_queue", "servicecontrol").Text("for_each"));
    }

    [Fact]
    public async Task Should_keep_the_databases_on_encrypted_efs_through_an_access_point_each()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.Equal(true, Hcl.Bool(configuration.Resource("aws_efs_file_system", "service_platform")["encrypted"]));
        var volume = Assert.Single(Hcl.Blocks(configuration.Resource("aws_ecs_task_definition", "service_platform")["dynamic"]!.AsObject(), "volume"));
        var efs = Assert.Single(Hcl.Blocks(Assert.Single(Hcl.Blocks(volume, "content")), "efs_volume_configuration"));
        Assert.Equal("ENABLED", Hcl.Text(efs["transit_encryption"]));
        Assert.Equal("${aws_efs_access_point.service_platform[volume.value].id}", Hcl.Text(Assert.Single(Hcl.Blocks(efs, "authorization_config"))["access_point_id"]));
    }

    [Fact]
    public async Task Should_serve_servicepulse_on_its_own_listener_open_to_the_allowed_cidrs_only()
    {
        var configuration = await TerraformConfiguration.Load();

        var listener = configuration.Resource("aws_lb_listener", "servicepulse");
        Assert.Equal("${var.servicepulse_port}", listener.Text("port"));
        Assert.Equal("${local.https ? \"HTTPS\" : \"HTTP\"}", listener.Text("protocol"));
        var ingress = configuration.Resource("aws_vpc_security_group_ingress_rule", "servicepulse_listener");
        Assert.Equal("${var.servicepulse_port}", ingress.Text("from_port"));
        Assert.Contains("toset(var.allowed_cidrs)", ingress.Text("for_each"));
        Assert.Contains("var.servicepulse_port", configuration.Outputs.Single(output => output.Name == "servicepulse_url").Text("value"));
    }
}
