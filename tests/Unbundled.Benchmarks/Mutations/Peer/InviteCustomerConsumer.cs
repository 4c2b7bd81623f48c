using MassTransit;
using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;
using Unbundled.Domain.Messages;

namespace Unbundled.Benchmarks.Mutations.Peer;

/// <summary>The Customers endpoint's handler on MassTransit: decide, record the claim, publish what happened, respond.</summary>
internal sealed class InviteCustomerConsumer(InMemoryInvitations invitations) : IConsumer<InviteCustomer>
{
    public async Task Consume(ConsumeContext<InviteCustomer> context)
    {
        var response = invitations.Decide(context.Message) switch
        {
            CustomerInvited invited => await Publish(invited, context),
            CustomerInviteFailed failed => InviteCustomerResponse.From(failed),
            var outcome => throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}."),
        };
        await context.RespondAsync(response);
    }

    private static async Task<InviteCustomerResponse> Publish(CustomerInvited invited, ConsumeContext context)
    {
        await context.Publish(invited, publish => publish.MessageId = invited.EventId);
        return InviteCustomerResponse.From(invited);
    }
}
