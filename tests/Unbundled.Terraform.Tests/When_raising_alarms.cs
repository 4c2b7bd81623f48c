using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>CloudWatch alarms on failed messages and on endpoints falling behind, notifying alarm_actions.</summary>
public sealed class When_raising_alarms
{
    [Fact]
    public async Task Should_alarm_on_any_message_in_the_error_queue()
    {
        var configuration = await TerraformConfiguration.Load();

        var alarm = configuration.Resource("aws_cloudwatch_metric_alarm", "error_queue");

        Assert.Equal(("AWS/SQS", "ApproximateNumberOfMessagesVisible"), (alarm.Text("namespace"), alarm.Text("metric_name")));
        Assert.Equal("${aws_sqs_queue.error.name}", Hcl.Text(alarm["dimensions"]?["QueueName"]));
        Assert.Equal(("GreaterThanThreshold", 0L), (alarm.Text("comparison_operator"), Hcl.Number(alarm["threshold"])));
    }

    [Fact]
    public async Task Should_alarm_on_the_age_of_the_oldest_message_of_every_endpoint_input_queue()
    {
        var configuration = await TerraformConfiguration.Load();

        var alarm = configuration.Resource("aws_cloudwatch_metric_alarm", "oldest_message");

        Assert.Equal(configuration.StringMap("endpoint_queues").Keys, configuration.Instances(alarm).Select(instance => instance.Key!));
        Assert.Equal("ApproximateAgeOfOldestMessage", alarm.Text("metric_name"));
        Assert.Equal("${aws_sqs_queue.endpoint[each.key].name}", Hcl.Text(alarm["dimensions"]?["QueueName"]));
        Assert.Equal("${var.oldest_message_alarm_seconds}", alarm.Text("threshold"));
    }

    [Fact]
    public async Task Should_notify_the_alarm_actions_when_an_alarm_fires_and_when_it_clears()
    {
        var configuration = await TerraformConfiguration.Load();

        var alarms = configuration.Resources("aws_cloudwatch_metric_alarm").ToList();

        Assert.NotEmpty(alarms);
        Assert.All(alarms, alarm =>
        {
            Assert.Equal("${var.alarm_actions}", alarm.Text("alarm_actions"));
            Assert.Equal("${var.alarm_actions}", alarm.Text("ok_actions"));
        });
        Assert.Empty(Hcl.Strings(configuration.Variable("alarm_actions")["default"]));
    }
}
