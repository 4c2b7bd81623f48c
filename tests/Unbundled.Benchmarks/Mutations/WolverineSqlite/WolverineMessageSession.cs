using Unbundled.Domain.Commands;
using Unbundled.Domain.Messages;
using Unbundled.Messaging;
using Wolverine;

namespace Unbundled.Benchmarks.Mutations.WolverineSqlite;

/// <summary>
/// What the API's resolver sees of the Wolverine peer. Durable: the command is sent to the Customers handler's durable
/// local queue (stored in Wolverine's inbox table before it is handed over) and the reply awaited in
/// <see cref="PendingReplies"/>. Inline: <c>IMessageBus.InvokeAsync&lt;T&gt;</c> runs the handler on the caller's thread; only
/// its event goes through the outbox.
/// </summary>
internal sealed class WolverineMessageSession(IMessageBus bus, PendingReplies replies, WolverinePeer.Mode mode) : IMessageSession
{
    // The API's own request timeout, for parity.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<TResponse> Request<TResponse>(object message, SendOptions options, CancellationToken cancellationToken = default)
    {
        if (message is not InviteCustomer command || typeof(TResponse) != typeof(InviteCustomerResponse))
        {
            throw new NotSupportedException($"The peer answers InviteCustomer with InviteCustomerResponse, not {message.GetType().Name}.");
        }

        var response = mode == WolverinePeer.Mode.Durable
            ? await replies.WaitFor(command.EventId, () => bus.EndpointFor(WolverinePeer.CustomersQueue).SendAsync(command).AsTask(), Timeout, cancellationToken)
            : await bus.InvokeAsync<InviteCustomerResponse>(command, cancellationToken, Timeout);
        return (TResponse)(object)response;
    }

    public Task Send(object message, SendOptions options, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The API only makes requests.");

    public Task Publish(object message, PublishOptions options, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The API only makes requests.");
}
