using GraphQL;
using Unbundled.Domain.Commands;
using Unbundled.Domain.Invitations;
using Unbundled.Domain.Messages;
using Unbundled.Messaging;
using Unbundled.Ports;

namespace Unbundled.Api.GraphQL;

/// <summary>
/// <c>InviteCustomer(email)</c>: sends the command with fresh ids and the time, waits for the Customers endpoint's reply
/// on this instance's queue, then for the projection, so a query sent right after the answer finds the customer. An email
/// that the domain's rules would reject is rejected here with the same code and message before any command is sent (a
/// 29 MB email would otherwise travel to the queue and the outbox first); the domain still decides every invite.
/// </summary>
public sealed class InviteCustomerMutation(IMessageSession session, IReadCustomerViews views, ViewChanges changes, TimeProvider clock)
{
    private static readonly TimeSpan ProjectionTimeout = TimeSpan.FromSeconds(10);

    public async Task<CustomerResult> InviteCustomer(string? email, CancellationToken cancellationToken)
    {
        RejectEmailTheDomainWould(email);
        var command = new InviteCustomer(email, Guid.CreateVersion7(), Guid.CreateVersion7(), clock.GetUtcNow());
        // Watched before the command leaves: a projector in this process may save the view before the reply arrives.
        using var watch = changes.WatchFor(command.CustomerId);
        InviteCustomerResponse response;
        try
        {
            response = await session.Request<InviteCustomerResponse>(command, cancellationToken);
        }
        catch (TimeoutException timeout)
        {
            throw new ExecutionError(timeout.Message) { Code = ErrorCodes.Timeout };
        }

        if (!response.Invited)
        {
            throw Rejection(response);
        }

        var customerId = response.CustomerId!.Value;
        using var projection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        projection.CancelAfter(ProjectionTimeout);
        try
        {
            if (customerId == command.CustomerId)
            {
                await ReadYourWrites.WaitUntilProjected(views, changes, watch, changes.SavedInThisProcess, projection.Token);
            }
            else
            {
                // Not the id this request made (an earlier decision answered again): nothing here watched it.
                await ReadYourWrites.ReadUntilProjected(views, changes, customerId, projection.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ExecutionError($"Customer {customerId} was invited, but the read model did not show it within {ProjectionTimeout.TotalSeconds:0} s.")
            {
                Code = ErrorCodes.Timeout,
            };
        }

        return new CustomerResult(customerId.ToString(), response.Email, true);
    }

    private static void RejectEmailTheDomainWould(string? email)
    {
        var normalized = EmailAddress.Normalize(email ?? "");
        if (normalized.Length == 0)
        {
            throw new ExecutionError(InviteDecider.EmailRequiredMessage) { Code = ErrorCodes.EmailRequired };
        }

        if (EmailRules.FindBrokenRule(normalized) is { } brokenRule)
        {
            throw new ExecutionError(brokenRule) { Code = ErrorCodes.InvalidEmail };
        }
    }

    private static ExecutionError Rejection(InviteCustomerResponse response)
    {
        var error = new ExecutionError(response.FailureMessage ?? "The invite was rejected.")
        {
            Code = response.FailureReason switch
            {
                InviteFailureReason.EmailRequired => ErrorCodes.EmailRequired,
                InviteFailureReason.InvalidEmail => ErrorCodes.InvalidEmail,
                InviteFailureReason.AlreadyInvited => ErrorCodes.CustomerAlreadyInvited,
                _ => "INVITE_REJECTED",
            },
        };
        if (response.CustomerId is { } existing)
        {
            error.Extensions ??= [];
            error.Extensions["customerId"] = existing.ToString();
        }

        return error;
    }
}
