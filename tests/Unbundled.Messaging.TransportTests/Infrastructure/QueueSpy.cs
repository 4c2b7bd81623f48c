using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.TransportTests.Infrastructure;

/// <summary>Receives raw transport messages from one queue (such as <c>error</c>) so a scenario can inspect them.</summary>
public sealed class QueueSpy : IAsyncDisposable
{
    private readonly Channel<MessageContext> received = Channel.CreateUnbounded<MessageContext>();
    private TransportInfrastructure? infrastructure;

    /// <param name="process">The process scope of the endpoints it spies on, so their sends wake it; none: its own.</param>
    public static async Task<QueueSpy> Start(TransportDefinition transport, string queue, ProcessScope? process = null)
    {
        var spy = new QueueSpy();
        var host = new HostSettings("QueueSpy", Environment.MachineName, SetupInfrastructure: true, (_, _) => { }, NullLoggerFactory.Instance)
        {
            Process = process ?? new ProcessScope(),
        };
        var settings = new ReceiveSettings("Spy", new QueueAddress(queue), UsePublishSubscribe: false, ErrorQueue: queue + "-spy-poison");
        spy.infrastructure = await transport.Initialize(host, [settings], []);
        var receiver = spy.infrastructure.Receivers["Spy"];
        await receiver.Initialize(
            new PushRuntimeSettings(1),
            (message, _) => { spy.received.Writer.TryWrite(message); return Task.CompletedTask; },
            (_, _) => Task.FromResult(ErrorHandleResult.Handled));
        await receiver.StartReceive();
        return spy;
    }

    /// <summary>The physical name of the queue spied on.</summary>
    public string ReceiveAddress => infrastructure?.Receivers["Spy"].ReceiveAddress ?? throw new InvalidOperationException("The spy has not started.");

    public async Task<MessageContext> Next(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? Scenario.Timeout);
        return await received.Reader.ReadAsync(cancellation.Token);
    }

    public async Task<bool> NothingWithin(TimeSpan quietPeriod)
    {
        using var cancellation = new CancellationTokenSource(quietPeriod);
        try
        {
            await received.Reader.WaitToReadAsync(cancellation.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (infrastructure is not null)
        {
            await infrastructure.Receivers["Spy"].StopReceive();
            await infrastructure.Shutdown();
        }
    }
}
