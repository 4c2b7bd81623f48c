using Unbundled.Messaging.TransportTests.Events;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.TransportTests.Handlers;

public sealed class SomethingHappenedHandler(Observations observations, EndpointLabel endpoint) : IHandleMessages<SomethingHappened>
{
    public Task Handle(SomethingHappened message, IMessageHandlerContext context)
    {
        observations.Record(message, context, endpoint);
        return Task.CompletedTask;
    }
}
