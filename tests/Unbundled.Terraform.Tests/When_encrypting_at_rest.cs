using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>Every queue, topic and table is encrypted at rest, with keys whose policies need no grant in the task roles.</summary>
public sealed class When_encrypting_at_rest
{
    [Fact]
    public async Task Every_queue_uses_SQS_managed_encryption()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.NotEmpty(configuration.Resources("aws_sqs_queue"));
        Assert.All(configuration.Resources("aws_sqs_queue"), queue => Assert.Equal(true, Hcl.Bool(queue["sqs_managed_sse_enabled"])));
    }

    [Fact]
    public async Task Every_topic_has_a_KMS_key()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.NotEmpty(configuration.Resources("aws_sns_topic"));
        Assert.All(configuration.Resources("aws_sns_topic"), topic => Assert.False(string.IsNullOrEmpty(topic.Text("kms_master_key_id")), $"{topic} is not encrypted."));
    }

    [Fact]
    public async Task Every_table_has_server_side_encryption_on()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.NotEmpty(configuration.Resources("aws_dynamodb_table"));
        Assert.All(configuration.Resources("aws_dynamodb_table"), table =>
            Assert.Equal(true, Hcl.Bool(Assert.Single(table.Blocks("server_side_encryption"))["enabled"])));
    }
}
