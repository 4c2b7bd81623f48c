using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>Messages encrypted at rest, and every ARN built from the partition the configuration is applied in.</summary>
public sealed class When_encrypting_and_naming_arns
{
    [Fact]
    public async Task Should_encrypt_every_topic_with_kms()
    {
        var configuration = await TerraformConfiguration.Load();

        var topics = configuration.Resources("aws_sns_topic").ToList();

        Assert.NotEmpty(topics);
        Assert.All(topics, topic => Assert.False(string.IsNullOrEmpty(topic.Text("kms_master_key_id")), $"{topic} is not encrypted."));
    }

    [Fact]
    public async Task Should_encrypt_every_queue()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.All(configuration.Resources("aws_sqs_queue"), queue =>
            Assert.True(Hcl.Bool(queue["sqs_managed_sse_enabled"]) == true || queue.Text("kms_master_key_id") is not null, $"{queue} is not encrypted."));
    }

    [Fact]
    public async Task Should_take_the_partition_of_every_arn_from_aws_partition()
    {
        var configuration = await TerraformConfiguration.Load();

        var hardCoded = configuration.AllStrings.Where(text => text.Text.Contains("arn:aws", StringComparison.Ordinal)).ToList();

        Assert.Empty(hardCoded);
        Assert.Equal("${data.aws_partition.current.partition}", Hcl.Text(configuration.Locals["partition"]));
        Assert.Contains(configuration.AllStrings, text => text.Text.StartsWith("arn:${local.partition}:", StringComparison.Ordinal));
    }
}
