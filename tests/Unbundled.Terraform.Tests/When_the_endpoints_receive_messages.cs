using System.Text.RegularExpressions;
using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>
/// The queues' settings, as NServiceBus.AmazonSQS creates them (docs/wire-format.md §3.1, §3.4, §4, §6.1); which queues there are
/// is the drift check's (<see cref="When_comparing_terraform_with_the_topology"/>).
/// </summary>
public sealed class When_the_endpoints_receive_messages
{
    /// <summary>SQS refuses longer queue names.</summary>
    private const int MaxQueueNameLength = 80;

    [Fact]
    public async Task Every_endpoint_and_delay_queue_keeps_messages_as_long_as_the_installers_would()
    {
        var configuration = await TerraformConfiguration.Load();
        var values = new TerraformValues(configuration);
        var retention = CodeTopology.Current.Queues.Where(queue => !queue.InstanceSpecific).ToDictionary(queue => queue.Name, queue => queue.RetentionSeconds);

        var queues = configuration.Instances("aws_sqs_queue").Where(queue => retention.ContainsKey(values.NameOf(queue))).ToList();

        Assert.Equal(retention.Count, queues.Count);
        Assert.All(queues, queue => Assert.Equal(retention[values.NameOf(queue)], Hcl.Number(queue.Resource["message_retention_seconds"])));
    }

    [Fact]
    public async Task No_queue_has_a_redrive_policy_that_would_take_messages_from_recoverability()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.All(configuration.Resources("aws_sqs_queue"), queue => Assert.Null(queue["redrive_policy"]));
        Assert.Empty(configuration.Resources("aws_sqs_queue_redrive_policy"));
    }

    [Fact]
    public async Task The_ServiceControl_side_queues_keep_messages_between_four_and_fourteen_days()
    {
        var configuration = await TerraformConfiguration.Load();
        var values = new TerraformValues(configuration);

        var serviceControlSide = configuration.Instances("aws_sqs_queue")
            .Where(queue => CodeTopology.Current.ServiceControlQueues.Contains(values.NameOf(queue)) || TerraformResources.IsServiceControlPlatformQueue(values.NameOf(queue)))
            .ToList();

        Assert.NotEmpty(serviceControlSide);
        Assert.All(serviceControlSide, queue => Assert.InRange(Hcl.Number(queue.Resource["message_retention_seconds"]) ?? 0, 345_600, 1_209_600));
    }

    [Fact]
    public async Task ServiceControl_queues_have_the_names_ServiceControl_reads_and_are_created_by_default()
    {
        var configuration = await TerraformConfiguration.Load();
        var values = new TerraformValues(configuration);
        var servicecontrol = configuration.Resource("aws_sqs_queue", "servicecontrol");

        var names = configuration.Instances(servicecontrol).Select(values.NameOf);

        // ServiceControl's own queues under its default instance names (docs/wire-format.md §6.1), sanitised as every queue name is.
        string[] physicalNames = ["Particular-Monitoring", "Particular-ServiceControl", "Particular-ServiceControl-staging"];
        Assert.Equal(physicalNames.Select(name => CodeTopology.Prefix + name), names.Order(StringComparer.Ordinal));
        Assert.Contains("var.create_servicecontrol_queues", servicecontrol.Text("for_each"));
        Assert.Equal(true, Hcl.Bool(configuration.Variable("create_servicecontrol_queues")["default"]));
    }

    [Fact]
    public async Task Every_queue_name_fits_80_characters_with_the_longest_prefix_the_variable_accepts()
    {
        var configuration = await TerraformConfiguration.Load();
        var values = new TerraformValues(configuration);
        var condition = Assert.Single(configuration.Variable("name_prefix").Blocks("validation"))["condition"];
        var longestPrefix = LongestPrefix(Hcl.Text(condition) ?? "");

        // Instance queues are named at run time, {endpoint}-{machine}-{pid}: on Fargate the machine name is the host name
        // without its domain, such as ip-10-0-128-231, and a Linux process id has at most 7 digits.
        var instanceQueues = CodeTopology.Current.Queues.Where(queue => queue.InstanceSpecific).Select(queue => queue.Name.Replace("*", "ip-10-0-128-231-4194304", StringComparison.Ordinal));
        var names = configuration.Instances("aws_sqs_queue").Select(values.NameOf).Concat(instanceQueues).Select(name => name[CodeTopology.Prefix.Length..]).ToList();

        Assert.Contains(names, name => name.EndsWith("-delay.fifo", StringComparison.Ordinal) && name.Contains("ip-10-0-128-231", StringComparison.Ordinal));
        Assert.All(names, name => Assert.InRange(longestPrefix + name.Length, 1, MaxQueueNameLength));
    }

    /// <summary>The longest prefix the validation's pattern admits, from its <c>[…]{0,N}</c> repetition plus its first character.</summary>
    private static int LongestPrefix(string condition)
    {
        var repetition = Regex.Match(condition, @"\{0,(?<max>\d+)\}");
        Assert.True(repetition.Success, $"Cannot read the longest prefix from {condition}.");
        return int.Parse(repetition.Groups["max"].Value) + 1;
    }
}
