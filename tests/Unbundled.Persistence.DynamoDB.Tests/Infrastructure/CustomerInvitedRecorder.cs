using Unbundled.Domain.Events;
using Unbundled.Messaging;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Persistence.DynamoDB.Tests.Infrastructure;

/// <summary>A subscriber that records every CustomerInvited it receives, with its headers.</summary>
public sealed class CustomerInvitedRecorder(Observations observations, EndpointLabel endpoint) : IHandleMessages<CustomerInvited>
{
    public Task Handle(CustomerInvited message, IMessageHandlerContext context)
    {
        observations.Record(message, context, endpoint);
        return Task.CompletedTask;
    }
}
