using Microsoft.Extensions.Logging;
using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;
using Unbundled.Domain.Invitations;
using Unbundled.Domain.Messages;
using Unbundled.Messaging;
using Unbundled.Messaging.Topology;
using Unbundled.Ports;

namespace Unbundled.Customers.Handlers;

/// <summary>Load the claim, let the domain decide, record the new claim, publish what happened and answer the requester.</summary>
[Publishes(typeof(CustomerInvited))]
[RepliesWith(typeof(InviteCustomerResponse))]
public sealed class InviteCustomerHandler(ILogger<InviteCustomerHandler> logger, IEmailClaims claims) : IHandleMessages<InviteCustomer>
{
    public async Task Handle(InviteCustomer message, IMessageHandlerContext context)
    {
        var claim = await claims.Find(EmailAddress.Key(message.Email ?? string.Empty), context.CancellationToken);
        var outcome = InviteDecider.Decide(message, claim);
        if (InviteDecider.Evolve(claim, outcome) is { } evolved && evolved != claim)
        {
            await claims.Add(evolved, context.CancellationToken);
        }

        var reply = await outcome.Match(
            invited => Publish(invited, context),
            failed => Task.FromResult(InviteCustomerResponse.From(failed)));
        await context.Reply(reply);
        logger.LogInformation("Invite {EventId}: {Outcome}", message.EventId, outcome.GetType().Name);
    }

    private static async Task<InviteCustomerResponse> Publish(CustomerInvited invited, IMessageHandlerContext context)
    {
        // The event id is the message id, so a redelivered command publishes a duplicate that subscribers recognise.
        var options = new PublishOptions();
        options.SetMessageId(invited.EventId.ToString());
        await context.Publish(invited, options);
        return InviteCustomerResponse.From(invited);
    }
}
