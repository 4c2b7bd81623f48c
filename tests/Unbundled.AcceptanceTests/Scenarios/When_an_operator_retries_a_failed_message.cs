using System.Text;
using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.Contracts;
using Unbundled.Messaging;
using Unbundled.Messaging.Transport;
using Xunit;

namespace Unbundled.AcceptanceTests.Scenarios;

/// <summary>The <c>failed</c> command on a real failed message (README "Operations", docs/operations.md).</summary>
public abstract class When_an_operator_retries_a_failed_message<TSystem>(TSystem system) : AcceptanceTest<TSystem>(system)
    where TSystem : class, IOperatedSystem
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_list_show_and_retry_it_and_the_retry_invites_the_customer()
    {
        // The shell's fault injection fails the first look-up of this email; with no retries the command lands in error.
        var customerId = Guid.NewGuid();
        var messageId = await SendInvite(UniqueEmail(ISystemUnderTest.FailOnceDomain), customerId);

        var shown = await Eventually(() => System.Failed("show", messageId), result => result.ExitCode == 0);
        var failedId = shown.Output.Split(' ', 2)[0];
        Assert.Contains($"NServiceBus.MessageId: {messageId}", shown.Output);
        Assert.Contains($"NServiceBus.FailedQ: ", shown.Output);
        Assert.Contains($"\"CustomerId\":\"{customerId}\"", shown.Output);
        var listed = await System.Failed("list");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains($"{failedId}  ", listed.Output);
        Assert.Contains("System.InvalidOperationException: Injected failure", listed.Output);

        var retried = await System.Failed("retry", failedId);
        Assert.Equal((0, $"retried {failedId}"), (retried.ExitCode, retried.Output.Trim()));
        var customer = await Eventually(() => Api.Customer(customerId.ToString()), found => found.Field("Customer") is not null);
        Assert.True(customer.Field("Customer")!["invited"]!.GetValue<bool>());
        var afterwards = await Eventually(() => System.Failed("list"), result => result.Output.Contains($"retry of {failedId} succeeded"));
        Assert.DoesNotContain($"{failedId}  ", afterwards.Output);
    }

    [Fact]
    public async Task Should_exit_with_1_for_an_unknown_id_and_2_for_a_queue_out_of_reach()
    {
        var unknown = await System.Failed("retry", Guid.NewGuid().ToString());
        var unreachable = await System.Failed(["list", .. System.UnreachableArguments]);
        var usage = await System.Failed("retry");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No failed message", unknown.Output);
        Assert.Equal(2, unreachable.ExitCode);
        Assert.Contains("Queue error cannot be read", unreachable.Output);
        Assert.Equal(64, usage.ExitCode);
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> attempt, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var result = await attempt();
            if (done(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>An InviteCustomer as the API sends it, but whose reply goes to a queue nobody reads.</summary>
    private async Task<string> SendInvite(string email, Guid customerId)
    {
        var transport = System.CreateTransport();
        var messageId = Guid.NewGuid().ToString();
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = messageId,
            [Headers.MessageIntent] = "Send",
            [Headers.ContentType] = "application/json",
            [Headers.EnclosedMessageTypes] = "Unbundled.Domain.Commands.InviteCustomer, Unbundled.Domain",
            [Headers.ReplyToAddress] = transport.ToTransportAddress(new QueueAddress("Unbundled.Operations.Replies")),
        };
        var body = $$"""{"Email":"{{email}}","CustomerId":"{{customerId}}","EventId":"{{Guid.NewGuid()}}","RequestedAt":"{{DateTimeOffset.UtcNow:O}}"}""";
        var customers = transport.ToTransportAddress(new QueueAddress(EndpointNames.Customers));
        await RawDispatch.To(transport, customers, new OutgoingMessage(messageId, headers, Encoding.UTF8.GetBytes(body)));
        return messageId;
    }
}
