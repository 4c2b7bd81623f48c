using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.TransportTests.Handlers;

/// <summary>Takes its time, so that concurrency and competition between consumers become visible.</summary>
public sealed class DoSomethingSlowlyHandler(Observations observations, EndpointLabel endpoint) : IHandleMessages<DoSomethingSlowly>
{
    public async Task Handle(DoSomethingSlowly message, IMessageHandlerContext context)
    {
        using (observations.Running())
        {
            await Task.Delay(message.Milliseconds, context.CancellationToken);
        }

        observations.Record(message, context, endpoint);
    }
}
