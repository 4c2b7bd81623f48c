using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.TransportTests.Handlers;

public sealed class DoSomethingHandler(Observations observations, EndpointLabel endpoint) : IHandleMessages<DoSomething>
{
    public Task Handle(DoSomething message, IMessageHandlerContext context)
    {
        observations.Record(message, context, endpoint);
        return Task.CompletedTask;
    }
}
