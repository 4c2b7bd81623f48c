using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>
/// The shape of the event's topic, the Projector's subscription and its queue policy (docs/wire-format.md §3.2); which topics,
/// subscriptions and policies there are is the drift check's (<see cref="When_comparing_terraform_with_the_topology"/>).
/// </summary>
public sealed class When_customers_publish_CustomerInvited
{
    private const string ProjectorQueue = "${aws_sqs_queue.endpoint[\"projector\"]";

    [Fact]
    public async Task The_projector_subscribes_over_sqs_with_raw_message_delivery()
    {
        var configuration = await TerraformConfiguration.Load();

        var subscription = configuration.Resource("aws_sns_topic_subscription", "projector_customer_invited");

        Assert.Equal("${aws_sns_topic.customer_invited.arn}", subscription.Text("topic_arn"));
        Assert.Equal("sqs", subscription.Text("protocol"));
        Assert.Equal(true, Hcl.Bool(subscription["raw_message_delivery"]));
    }

    [Fact]
    public async Task Every_subscription_uses_raw_delivery_to_an_sqs_queue()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.All(configuration.Resources("aws_sns_topic_subscription"), subscription =>
        {
            Assert.Equal("sqs", subscription.Text("protocol"));
            Assert.Equal(true, Hcl.Bool(subscription["raw_message_delivery"]));
        });
    }

    [Fact]
    public async Task The_projector_queue_policy_is_one_statement_letting_the_prefixed_topics_send()
    {
        var configuration = await TerraformConfiguration.Load();

        var policy = configuration.Resource("aws_sqs_queue_policy", "projector");
        Assert.Equal($"{ProjectorQueue}.id}}", policy.Text("queue_url"));
        var document = configuration.DataSource("aws_iam_policy_document", Policies.DocumentName(policy.Text("policy")));

        var statement = Assert.Single(document.Blocks("statement"));
        Assert.Equal("Allow", Hcl.Text(statement["effect"]) ?? "Allow");
        Assert.Equal(["sqs:SendMessage"], Hcl.Strings(statement["actions"]));
        Assert.Equal([$"{ProjectorQueue}.arn}}"], Hcl.Strings(statement["resources"]));
        var principal = Assert.Single(Hcl.Blocks(statement, "principals"));
        Assert.Equal("AWS", Hcl.Text(principal["type"]));
        Assert.Equal(["*"], Hcl.Strings(principal["identifiers"]));

        var condition = Assert.Single(Hcl.Blocks(statement, "condition"));
        Assert.Equal("ArnLike", Hcl.Text(condition["test"]));
        Assert.Equal("aws:SourceArn", Hcl.Text(condition["variable"]));
        var topics = Assert.Single(Hcl.Strings(condition["values"]));
        Assert.StartsWith("arn:${local.partition}:sns:${var.region}:${local.account_id}:", topics);
        Assert.EndsWith(":${local.topic_name_prefix}*", topics);
    }

    [Fact]
    public async Task The_subscription_waits_for_the_queue_policy_so_no_early_delivery_is_refused()
    {
        var configuration = await TerraformConfiguration.Load();

        var subscription = configuration.Resource("aws_sns_topic_subscription", "projector_customer_invited");

        Assert.Contains("${aws_sqs_queue_policy.projector}", Hcl.Strings(subscription["depends_on"]));
    }
}
