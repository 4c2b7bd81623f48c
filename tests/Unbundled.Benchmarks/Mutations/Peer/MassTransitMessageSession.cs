using MassTransit;
using Unbundled.Domain.Commands;
using Unbundled.Domain.Messages;
using Unbundled.Messaging;

namespace Unbundled.Benchmarks.Mutations.Peer;

/// <summary>What the API's resolver sees of the peer: <c>Request</c> is MassTransit's request client; nothing else is needed.</summary>
internal sealed class MassTransitMessageSession(IRequestClient<InviteCustomer> client) : IMessageSession
{
    public async Task<TResponse> Request<TResponse>(object message, SendOptions options, CancellationToken cancellationToken = default)
    {
        if (message is not InviteCustomer command || typeof(TResponse) != typeof(InviteCustomerResponse))
        {
            throw new NotSupportedException($"The peer answers InviteCustomer with InviteCustomerResponse, not {message.GetType().Name}.");
        }

        try
        {
            var response = await client.GetResponse<InviteCustomerResponse>(command, cancellationToken);
            return (TResponse)(object)response.Message;
        }
        catch (RequestTimeoutException timeout)
        {
            throw new TimeoutException(timeout.Message, timeout);
        }
    }

    public Task Send(object message, SendOptions options, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The API only makes requests.");

    public Task Publish(object message, PublishOptions options, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The API only makes requests.");
}
