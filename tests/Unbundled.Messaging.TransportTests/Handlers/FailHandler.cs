using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.TransportTests.Handlers;

public sealed class FailHandler(Observations observations, EndpointLabel endpoint) : IHandleMessages<Fail>
{
    public Task Handle(Fail message, IMessageHandlerContext context)
    {
        var attempt = observations.CountAttempt(message.Key);
        if (attempt <= message.Times)
        {
            throw new InvalidOperationException($"Attempt {attempt} of {message.Key} fails on purpose.") { Data = { ["Attempt"] = attempt } };
        }

        observations.Record(message, context, endpoint);
        return Task.CompletedTask;
    }
}
