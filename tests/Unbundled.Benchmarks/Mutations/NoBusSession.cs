using Microsoft.Extensions.DependencyInjection;
using Unbundled.Domain.Commands;
using Unbundled.Domain.Customers;
using Unbundled.Domain.Events;
using Unbundled.Domain.Messages;
using Unbundled.Messaging;
using Unbundled.Ports;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// A baseline, not a system: answers a request on the caller's thread with the same domain calls and no messaging or
/// storage, so what remains of a mutation's latency is HTTP, GraphQL and the resolver.
/// </summary>
internal sealed class NoBusSession(InMemoryInvitations invitations, ICustomerViews views) : IMessageSession
{
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<InMemoryInvitations>();
        InMemoryCustomerViews.AddTo(services);
        services.AddSingleton<IMessageSession, NoBusSession>();
    }

    public async Task<TResponse> Request<TResponse>(object message, SendOptions options, CancellationToken cancellationToken = default)
    {
        var command = message as InviteCustomer ?? throw new NotSupportedException($"Only InviteCustomer, not {message.GetType().Name}.");
        var response = invitations.Decide(command) switch
        {
            CustomerInvited invited => await Project(invited, cancellationToken),
            CustomerInviteFailed failed => InviteCustomerResponse.From(failed),
            var outcome => throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}."),
        };
        return (TResponse)(object)response;
    }

    public Task Send(object message, SendOptions options, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The baseline only answers requests.");

    public Task Publish(object message, PublishOptions options, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The baseline only answers requests.");

    private async Task<InviteCustomerResponse> Project(CustomerInvited invited, CancellationToken cancellationToken)
    {
        var view = await views.Find(invited.CustomerId, cancellationToken);
        await views.Save(CustomerProjection.Project(view, invited), cancellationToken);
        return InviteCustomerResponse.From(invited);
    }
}
