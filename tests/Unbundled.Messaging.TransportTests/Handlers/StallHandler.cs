using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.TransportTests.Handlers;

/// <summary>A handler that does not observe its token on the first attempt: the kind a stop must not wait for forever.</summary>
public sealed class StallHandler(Observations observations, EndpointLabel endpoint) : IHandleMessages<Stall>
{
    public async Task Handle(Stall message, IMessageHandlerContext context)
    {
        observations.Record(message, context, endpoint);
        if (observations.CountAttempt(message.Text) == 1)
        {
            await observations.Stalled;
        }
    }
}
