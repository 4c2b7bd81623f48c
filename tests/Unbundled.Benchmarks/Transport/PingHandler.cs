using System.Diagnostics;
using Unbundled.Benchmarks.Transport.Commands;
using Unbundled.Messaging;

namespace Unbundled.Benchmarks.Transport;

internal sealed class PingHandler(PingTracker tracker) : IHandleMessages<Ping>
{
    public Task Handle(Ping message, IMessageHandlerContext context)
    {
        tracker.Handled(message.Sequence, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }
}
