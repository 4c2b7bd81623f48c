using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Messaging.AmazonSqs.Tests.Conformance;
using Unbundled.Messaging.Transport;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Transport;

/// <summary>
/// A handler's outgoing message for a queue that a receiver in this process reads (a reply to the instance queue) is
/// processed from memory: no send, receive or delete. Its native id then is its message id, where SQS would have given
/// it one of its own. Anything else, and anything the receiver fails to process, still goes through SQS.
/// </summary>
public sealed class When_a_message_is_for_a_queue_received_in_this_process : TransportTest<SqsWorld>
{
    private readonly Channel<MessageContext> processed = Channel.CreateUnbounded<MessageContext>();
    private readonly Channel<string> failedNativeIds = Channel.CreateUnbounded<string>();
    private int failuresLeft;

    [Fact]
    public async Task Should_be_processed_from_memory_when_a_received_message_backs_it()
    {
        var infrastructure = await StartReceiver();

        await infrastructure.Dispatcher.Dispatch(Operations("reply-1") with { BackedByReceivedMessage = true });

        var message = await processed.Reader.ReadAsync().AsTask().WaitAsync(Scenario.Timeout);
        Assert.Equal("reply-1", message.NativeMessageId);
        Assert.Equal("reply-1", message.Headers[Headers.MessageId]);
        Assert.Equal("""{"Text":"reply-1"}""", Encoding.UTF8.GetString(message.Body.Span));
        await Stop(infrastructure);
    }

    [Fact]
    public async Task Should_go_through_SQS_when_nothing_backs_it()
    {
        var infrastructure = await StartReceiver();

        await infrastructure.Dispatcher.Dispatch(Operations("command-1"));

        var message = await processed.Reader.ReadAsync().AsTask().WaitAsync(Scenario.Timeout);
        Assert.Equal("command-1", message.Headers[Headers.MessageId]);
        Assert.NotEqual("command-1", message.NativeMessageId);
        await Stop(infrastructure);
    }

    [Fact]
    public async Task Should_go_through_SQS_when_processing_it_from_memory_fails()
    {
        failuresLeft = 1;
        var infrastructure = await StartReceiver();

        await infrastructure.Dispatcher.Dispatch(Operations("reply-2") with { BackedByReceivedMessage = true });

        var message = await processed.Reader.ReadAsync().AsTask().WaitAsync(Scenario.Timeout);
        Assert.Equal("reply-2", message.Headers[Headers.MessageId]);
        Assert.NotEqual("reply-2", message.NativeMessageId);
        Assert.True(failedNativeIds.Reader.TryRead(out var failedIn));
        Assert.Equal("reply-2", failedIn);
        await Stop(infrastructure);
    }

    private async Task<TransportInfrastructure> StartReceiver()
    {
        var host = new HostSettings("Requester", Environment.MachineName, SetupInfrastructure: true, (_, _) => { }, NullLoggerFactory.Instance);
        var infrastructure = await World.CreateTransport().Initialize(host, [new ReceiveSettings("Main", new QueueAddress("Requester"), false, "error")], []);
        var receiver = infrastructure.Receivers["Main"];
        await receiver.Initialize(
            new PushRuntimeSettings(4),
            (message, _) =>
            {
                if (Volatile.Read(ref failuresLeft) > 0 && Interlocked.Decrement(ref failuresLeft) >= 0)
                {
                    failedNativeIds.Writer.TryWrite(message.NativeMessageId);
                    throw new InvalidOperationException("Fails while a failure is left.");
                }

                processed.Writer.TryWrite(message);
                return Task.CompletedTask;
            },
            (_, _) => Task.FromResult(ErrorHandleResult.RetryRequired));
        await receiver.StartReceive();
        return infrastructure;
    }

    private static async Task Stop(TransportInfrastructure infrastructure)
    {
        // Cuts the idle long poll short instead of waiting out its 20 s.
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await infrastructure.Receivers["Main"].StopReceive(grace.Token);
        await infrastructure.Shutdown();
    }

    private TransportOperations Operations(string id) => new(new UnicastTransportOperation(
        new OutgoingMessage(id, new Dictionary<string, string> { [Headers.MessageId] = id }, Encoding.UTF8.GetBytes($$"""{"Text":"{{id}}"}""")),
        World.CreateTransport().ToTransportAddress(new QueueAddress("Requester")),
        DispatchProperties.None));
}
