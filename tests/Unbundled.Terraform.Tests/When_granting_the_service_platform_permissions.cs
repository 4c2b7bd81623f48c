using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>The ServiceControl instances' roles: each on the queues it reads and writes (docs.particular.net/servicecontrol/queues).</summary>
public sealed class When_granting_the_service_platform_permissions
{
    [Theory]
    [InlineData("servicecontrol_task", "servicecontrol", "${aws_sqs_queue.error.arn}")]
    [InlineData("audit_task", "audit", "${aws_sqs_queue.audit.arn}")]
    [InlineData("monitoring_task", "monitoring", "${aws_sqs_queue.servicecontrol[\"monitoring\"].arn}")]
    public async Task Should_let_each_instance_consume_the_queue_it_ingests_with_its_own_role(string document, string role, string ingested)
    {
        var configuration = await TerraformConfiguration.Load();

        var own = configuration.DataSource("aws_iam_policy_document", document).Blocks("statement")[0];

        Assert.Equal("${local.service_platform_consume}", Hcl.Text(own["actions"]));
        Assert.Contains(ingested, Policies.Resources(own));
        var policy = configuration.Resource("aws_iam_role_policy", document);
        Assert.Equal($"${{aws_iam_role.service_platform_task[\"{role}\"].id}}", policy.Text("role"));
        Assert.Equal(document, Policies.DocumentName(policy.Text("policy")));
    }

    [Fact]
    public async Task Should_give_each_task_its_instances_role_and_servicepulse_none()
    {
        var configuration = await TerraformConfiguration.Load();

        var roles = configuration.Instances(configuration.Resource("aws_iam_role", "service_platform_task")).Select(role => role.Key!);

        Assert.Equal(["audit", "monitoring", "servicecontrol"], roles.Order(StringComparer.Ordinal));
        Assert.Equal(
            "${each.key == \"servicepulse\" ? null : aws_iam_role.service_platform_task[each.key].arn}",
            configuration.Resource("aws_ecs_task_definition", "service_platform").Text("task_role_arn"));
    }

    [Fact]
    public async Task Should_grant_the_instances_sqs_and_their_database_storage_only()
    {
        var configuration = await TerraformConfiguration.Load();

        var platformStatements = Policies.Statements(configuration).Where(entry => entry.Document.File == "service_platform_iam.tf").ToList();

        Assert.NotEmpty(platformStatements);
        Assert.All(platformStatements, entry =>
        {
            var actions = Hcl.Text(entry.Statement["actions"]) == "${local.service_platform_consume}"
                ? Hcl.Strings(configuration.Locals["service_platform_consume"])
                : Policies.Actions(entry.Statement);
            Assert.All(actions, action => Assert.Matches("^(sqs:(ChangeMessageVisibility|DeleteMessage|GetQueueAttributes|GetQueueUrl|ReceiveMessage|SendMessage)|elasticfilesystem:Client(Mount|Write)|secretsmanager:GetSecretValue)$", action));
            Assert.DoesNotContain("*", Policies.Resources(entry.Statement));
        });
    }

    [Fact]
    public async Task Should_mount_each_database_only_through_its_own_access_point()
    {
        var configuration = await TerraformConfiguration.Load();

        var database = configuration.DataSource("aws_iam_policy_document", "service_platform_database");
        var condition = Assert.Single(Hcl.Blocks(Assert.Single(database.Blocks("statement")), "condition"));

        Assert.Equal(["audit", "servicecontrol"], configuration.Instances(database).Select(instance => instance.Key));
        Assert.Equal("elasticfilesystem:AccessPointArn", Hcl.Text(condition["variable"]));
        Assert.Equal(["${aws_efs_access_point.service_platform[each.key].arn}"], Hcl.Strings(condition["values"]));
        foreach (var (document, key) in new[] { ("servicecontrol_task", "servicecontrol"), ("audit_task", "audit") })
        {
            Assert.Equal(
                [$"${{data.aws_iam_policy_document.service_platform_database[\"{key}\"].json}}"],
                Hcl.Strings(configuration.DataSource("aws_iam_policy_document", document)["source_policy_documents"]));
        }
    }
}
