using Unbundled.Messaging.AmazonSqs.Checks;
using Unbundled.Messaging.AmazonSqs.Tests.Conformance;
using Unbundled.Messaging.AmazonSqs.Tests.Transport;
using Unbundled.Messaging.CustomChecks;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Checks;

/// <summary>The custom checks the AWS shell runs on SQS (docs/servicecontrol.md, "Custom checks"), against the stand-in.</summary>
public sealed class When_the_transport_checks_its_queues : TransportTest<SqsWorld>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Should_pass_while_the_endpoint_queue_exists_and_fail_naming_it_once_it_is_gone()
    {
        var transport = (SqsTransport)World.CreateTransport();
        CustomCheck? check = null;
        await StartEndpoint("Checked", c => check = SqsQueueReachable.MainQueueOf(transport, c.UseTransport(transport), Interval));

        Assert.Equal(CheckResult.Pass, await check!.PerformCheck());
        using (var queue = await RawQueue.Existing(World.Prefix + "Checked"))
        {
            await queue.Sqs.DeleteQueueAsync(queue.Url);
        }

        var failed = await check.PerformCheck();
        Assert.True(failed.HasFailed);
        Assert.Contains($"{World.Prefix}Checked cannot be reached", failed.FailureReason, StringComparison.Ordinal);
        Assert.Equal("Checked queue reachable", check.Id);
    }

    [Fact]
    public async Task Should_find_the_instance_queue_named_after_the_check_was_added()
    {
        var transport = (SqsTransport)World.CreateTransport();
        CustomCheck? check = null;
        await StartEndpoint("Requester", c =>
        {
            check = SqsQueueReachable.InstanceQueueOf(transport, c.UseTransport(transport), Interval);
            c.MakeInstanceUniquelyAddressable("blue").EnableCallbacks();
        });

        Assert.Equal(CheckResult.Pass, await check!.PerformCheck());
        using (var queue = await RawQueue.Existing(World.Prefix + "Requester-blue"))
        {
            await queue.Sqs.DeleteQueueAsync(queue.Url);
        }

        Assert.True((await check.PerformCheck()).HasFailed);
    }

    [Fact]
    public async Task Should_fail_the_error_queue_check_while_a_failed_message_waits_there()
    {
        var transport = (SqsTransport)World.CreateTransport();
        CustomCheck? check = null;
        var endpoint = await StartEndpoint("Failing", c =>
        {
            check = new SqsQueueEmpty(transport, "error", Interval);
            c.UseTransport(transport).RegisterHandler<FailHandler>();
        });
        Assert.Equal(CheckResult.Pass, await check!.PerformCheck());

        var options = new SendOptions();
        options.RouteToThisEndpoint();
        await endpoint.Send(new Fail("for-the-check", Times: 1), options);

        var result = await Until(check, r => r.HasFailed);
        Assert.Equal($"About 1 failed message(s) wait in {World.Prefix}error.", result.FailureReason);
    }

    /// <summary>The check's result once it satisfies <paramref name="condition"/>; SQS's counts are approximate and may lag the send.</summary>
    private static async Task<CheckResult> Until(CustomCheck check, Func<CheckResult, bool> condition)
    {
        using var deadline = new CancellationTokenSource(Scenario.Timeout);
        while (true)
        {
            var result = await check.PerformCheck(deadline.Token);
            if (condition(result))
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }
}
