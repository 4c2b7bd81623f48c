using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;
using Unbundled.Domain.Invitations;
using Unbundled.Domain.Messages;
using Wolverine;
using Wolverine.RDBMS;
using Wolverine.Runtime;

namespace Unbundled.Benchmarks.Mutations.WolverineSqlite;

/// <summary>
/// The Customers handler on Wolverine: load the claim, decide, record it, publish what happened and reply, all in one
/// SQLite transaction. WolverineFx.Sqlite enlists a transaction in the outbox by itself only for EF Core and its other
/// integrations; with plain ADO.NET the handler does what those integrations generate: it wraps its own transaction in the
/// store's <see cref="DatabaseEnvelopeTransaction"/> and hands it to <c>MessageContext.EnlistInOutboxAsync</c>, so the
/// event (for the projector's durable queue) is written into Wolverine's envelope table inside that transaction, and sends
/// the messages with <c>FlushOutgoingMessagesAsync</c> once it committed. Public, as Wolverine's generated code needs it.
/// </summary>
public static class InviteCustomerHandler
{
    public static async Task Handle(
        InviteCustomer command,
        IMessageContext context,
        IWolverineRuntime runtime,
        PeerDatabase database,
        PeerCommandPath path,
        CancellationToken cancellationToken)
    {
        var messaging = (MessageContext)context;
        await using var connection = await database.Open(cancellationToken);
        // BEGIN IMMEDIATE: the claim is read under the write lock, so two invites of one email never both find it free.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await messaging.EnlistInOutboxAsync(new DatabaseEnvelopeTransaction((IMessageDatabase)runtime.Storage, transaction));

        var claim = await PeerEmailClaims.Find(transaction, EmailAddress.Key(command.Email ?? string.Empty), cancellationToken);
        var outcome = InviteDecider.Decide(command, claim);
        if (InviteDecider.Evolve(claim, outcome) is { } evolved && evolved != claim)
        {
            await PeerEmailClaims.Insert(transaction, evolved, cancellationToken);
        }

        var response = outcome switch
        {
            CustomerInvited invited => InviteCustomerResponse.From(invited),
            CustomerInviteFailed failed => InviteCustomerResponse.From(failed),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}."),
        };
        if (outcome is CustomerInvited published)
        {
            await messaging.PublishAsync(published);
        }

        if (path.Inline)
        {
            // Invoked inline (InvokeAsync<T>): the reply is the invocation's result, as a returned value would be.
            await messaging.EnqueueCascadingAsync(response);
        }
        else
        {
            // From the durable queue: to the requester's in-memory reply queue, sent once the transaction committed.
            await messaging.PublishAsync(new InviteCustomerReply(command.EventId, response));
        }

        await transaction.CommitAsync(cancellationToken);
        await messaging.FlushOutgoingMessagesAsync();
    }
}

/// <summary>How the API hands the command to the Customers handler: inline (<c>InvokeAsync&lt;T&gt;</c>) or on its durable queue.</summary>
public sealed record PeerCommandPath(bool Inline);
