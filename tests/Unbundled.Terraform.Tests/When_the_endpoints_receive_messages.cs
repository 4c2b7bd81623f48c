using System.Text.RegularExpressions;
using Unbundled.Shell;
using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>The endpoints' queues, as NServiceBus.AmazonSQS names and creates them (wire format §3.1, §3.4, §4, §6.1).</summary>
public sealed class When_the_endpoints_receive_messages
{
    private const string QueuePrefix = "${local.queue_name_prefix}";
    private const long FourDays = 345_600;

    private static readonly string[] Endpoints = [EndpointNames.Api, EndpointNames.Customers, EndpointNames.Projector];

    [Fact]
    public async Task Each_endpoint_has_an_input_queue_named_by_the_NServiceBus_rule()
    {
        var configuration = await TerraformConfiguration.Load();

        var names = configuration.Instances(configuration.Resource("aws_sqs_queue", "endpoint")).Select(PhysicalName);

        Assert.Equal(Endpoints.Select(NServiceBusNames.Queue).Order(), names.Order());
    }

    [Fact]
    public async Task Each_endpoint_queue_has_a_delay_fifo_companion_holding_messages_900_seconds()
    {
        var configuration = await TerraformConfiguration.Load();
        var delayQueues = configuration.Instances(configuration.Resource("aws_sqs_queue", "delay")).ToDictionary(PhysicalName);

        foreach (var endpoint in Endpoints)
        {
            Assert.True(delayQueues.TryGetValue(NServiceBusNames.DelayQueue(endpoint), out var queue), $"No delay queue for {endpoint}.");
            Assert.True(Hcl.Bool(queue.Resource["fifo_queue"]), $"{queue} is not FIFO.");
            Assert.Equal(900, Hcl.Number(queue.Resource["delay_seconds"]));
        }

        Assert.Equal(Endpoints.Length, delayQueues.Count);
    }

    [Fact]
    public async Task Every_endpoint_and_delay_queue_keeps_messages_four_days()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.All(EndpointQueues(configuration), queue =>
            Assert.Equal(FourDays, Hcl.Number(queue.Resource["message_retention_seconds"])));
    }

    [Fact]
    public async Task No_queue_has_a_redrive_policy_that_would_take_messages_from_recoverability()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.All(configuration.Resources("aws_sqs_queue"), queue => Assert.Null(queue["redrive_policy"]));
        Assert.Empty(configuration.Resources("aws_sqs_queue_redrive_policy"));
    }

    [Fact]
    public async Task Error_and_audit_queues_have_the_NServiceBus_names_and_keep_messages_at_least_four_days()
    {
        var configuration = await TerraformConfiguration.Load();

        foreach (var name in new[] { "error", "audit" })
        {
            var queue = Assert.Single(configuration.Instances(configuration.Resource("aws_sqs_queue", name)));
            Assert.Equal(NServiceBusNames.Queue(name), PhysicalName(queue));
            Assert.InRange(Hcl.Number(queue.Resource["message_retention_seconds"]) ?? 0, FourDays, 1_209_600);
        }
    }

    [Fact]
    public async Task ServiceControl_queues_have_the_names_ServiceControl_reads_and_are_created_by_default()
    {
        var configuration = await TerraformConfiguration.Load();
        var servicecontrol = configuration.Resource("aws_sqs_queue", "servicecontrol");

        var names = configuration.Instances(servicecontrol).Select(PhysicalName);

        string[] logicalNames = ["Particular.ServiceControl", "Particular.ServiceControl.staging", "Particular.Monitoring"];
        Assert.Equal(logicalNames.Select(NServiceBusNames.Queue).Order(), names.Order());
        Assert.Contains("var.create_servicecontrol_queues", servicecontrol.Text("for_each"));
        Assert.Equal(true, Hcl.Bool(configuration.Variable("create_servicecontrol_queues")["default"]));
    }

    [Fact]
    public async Task Every_queue_name_fits_80_characters_with_the_longest_prefix_the_variable_accepts()
    {
        var configuration = await TerraformConfiguration.Load();
        var condition = Assert.Single(configuration.Variable("name_prefix").Blocks("validation"))["condition"];
        var longestPrefix = LongestPrefix(Hcl.Text(condition) ?? "");

        // The API names its instance queues at run time, Unbundled-Api-{machine}-{pid}: on Fargate the machine name is
        // the host name without its domain, such as ip-10-0-128-231, and a Linux process id has at most 7 digits.
        var instanceDelayQueue = NServiceBusNames.DelayQueue($"{EndpointNames.Api}-ip-10-0-128-231-4194304");
        var names = configuration.Instances("aws_sqs_queue").Select(PhysicalName).Append(instanceDelayQueue);

        Assert.All(names, name => Assert.InRange(longestPrefix + name.Length, 1, NServiceBusNames.MaxQueueNameLength));
    }

    [Fact]
    public async Task Every_queue_is_encrypted_at_rest()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.All(configuration.Resources("aws_sqs_queue"), queue => Assert.Equal(true, Hcl.Bool(queue["sqs_managed_sse_enabled"])));
    }

    private static IEnumerable<ResourceInstance> EndpointQueues(TerraformConfiguration configuration) =>
        configuration.Instances(configuration.Resource("aws_sqs_queue", "endpoint"))
            .Concat(configuration.Instances(configuration.Resource("aws_sqs_queue", "delay")));

    private static string PhysicalName(ResourceInstance queue) =>
        Hcl.LiteralAfter(queue.Text("name") ?? throw new InvalidOperationException($"{queue} has no name."), QueuePrefix);

    /// <summary>The longest prefix the validation's pattern admits, from its <c>[…]{0,N}</c> repetition plus its first character.</summary>
    private static int LongestPrefix(string condition)
    {
        var repetition = Regex.Match(condition, @"\{0,(?<max>\d+)\}");
        Assert.True(repetition.Success, $"Cannot read the longest prefix from {condition}.");
        return int.Parse(repetition.Groups["max"].Value) + 1;
    }
}
