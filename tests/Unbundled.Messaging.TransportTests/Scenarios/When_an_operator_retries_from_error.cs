using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Messaging.Operations;
using Unbundled.Messaging.Transport;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

/// <summary>The operator's view of <c>error</c> (docs/operations.md): browsed without being consumed, retried as ServiceControl retries.</summary>
public abstract class When_an_operator_retries_from_error<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    [Fact]
    public async Task Should_list_a_failed_message_twice_and_retry_it_into_its_queue_with_an_acknowledgement()
    {
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());
        var messageId = await FailInto("error", "retried");
        await using var queues = await Open();
        var failed = new FailedMessages(queues);

        var first = Assert.Single((await failed.List()).Failed);
        var second = Assert.Single((await failed.List()).Failed);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(messageId, first.MessageId);
        Assert.Equal("System.InvalidOperationException", first.ExceptionType);
        Assert.Equal("Receiver", first.ProcessingEndpoint);

        Assert.True(await failed.Retry(first.Id));
        var processed = await Observations.Next();
        Assert.Equal(new DoSomething("retried"), processed.Message);
        Assert.Equal(first.Id, processed.Headers[ServiceControlHeaders.UniqueMessageId]);
        Assert.False(processed.Headers.ContainsKey(FaultsHeaderKeys.ExceptionType));
        var acknowledgement = await (await SpyOn("error")).Next();
        Assert.Equal(first.Id, acknowledgement.Headers[ServiceControlHeaders.UniqueMessageId]);
        Assert.False(await failed.Retry(first.Id));
    }

    [Fact]
    public async Task Should_keep_the_message_in_error_when_its_resend_fails()
    {
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());
        await FailInto("error", "kept");
        await using var queues = await Open();

        await using (var browse = await queues.Browse("error", 10))
        {
            var message = Assert.Single(browse.Messages);
            await Assert.ThrowsAsync<IOException>(() => browse.Take(message, _ => throw new IOException("The re-send failed.")));
        }

        Assert.Single((await new FailedMessages(queues).List()).Failed);
    }

    [Fact]
    public async Task Should_forward_a_message_once_when_two_operators_take_it()
    {
        await StartEndpoint("Receiver", c => c.RegisterHandler<DoSomethingHandler>());
        await FailInto("error", "once");
        await using var queues = await Open();
        var forwarded = 0;

        await using var first = await queues.Browse("error", 10);
        await using var second = await queues.Browse("error", 10);
        foreach (var message in first.Messages)
        {
            Assert.True(await first.Take(message, _ => { forwarded++; return Task.CompletedTask; }));
        }

        // The embedded transport let the second browse read it too; SQS held it out of the second browse's sight.
        foreach (var message in second.Messages)
        {
            Assert.False(await second.Take(message, _ => { forwarded++; return Task.CompletedTask; }));
        }

        Assert.Equal(1, forwarded);
        Assert.Empty((await new FailedMessages(queues).List()).Failed);
    }

    [Fact]
    public async Task Should_say_which_queue_it_cannot_read()
    {
        await using var queues = await Open();

        var unreachable = await Assert.ThrowsAsync<QueueUnreachableException>(() => queues.Browse("no-such-queue", 10));

        Assert.Equal("no-such-queue", unreachable.Queue);
    }

    private Task<IQueueOperations> Open() => World.CreateTransport().OpenQueueOperations(
        new HostSettings("Operator", Environment.MachineName, false, (_, _) => { }, NullLoggerFactory.Instance) { Process = Process });

    /// <summary>A message that failed in Receiver, as recoverability leaves it in error.</summary>
    private async Task<string> FailInto(string errorQueue, string text)
    {
        var messageId = Guid.NewGuid().ToString();
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = messageId,
            [Headers.EnclosedMessageTypes] = typeof(DoSomething).AssemblyQualifiedName!,
            [Headers.ContentType] = "application/json",
            [Headers.MessageIntent] = "Send",
            [Headers.ProcessingEndpoint] = "Receiver",
            [FaultsHeaderKeys.FailedQ] = World.CreateTransport().ToTransportAddress(new QueueAddress("Receiver")),
            [FaultsHeaderKeys.ExceptionType] = "System.InvalidOperationException",
            [FaultsHeaderKeys.Message] = "It failed on purpose.",
            [FaultsHeaderKeys.TimeOfFailure] = WireDate.ToWireFormattedString(DateTimeOffset.UtcNow),
        };
        await DispatchRaw(errorQueue, headers, Encoding.UTF8.GetBytes($$"""{"Text":"{{text}}"}"""));
        return messageId;
    }
}
