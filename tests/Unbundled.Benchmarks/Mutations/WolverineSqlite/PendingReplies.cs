using System.Collections.Concurrent;
using Unbundled.Domain.Messages;

namespace Unbundled.Benchmarks.Mutations.WolverineSqlite;

/// <summary>
/// The Customers handler's reply to a command sent to its durable queue, for the requester waiting on it; keyed by the
/// command's <c>EventId</c>, which the API makes fresh for every request.
/// </summary>
public sealed record InviteCustomerReply(Guid CommandEventId, InviteCustomerResponse Response);

/// <summary>
/// The API's requests waiting for their reply: the part of our callbacks Wolverine has no durable counterpart of (its
/// <c>InvokeAsync&lt;T&gt;</c> to a durable local queue hands the command over in memory and never stores it, see the
/// benchmark README).
/// </summary>
public sealed class PendingReplies
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<InviteCustomerResponse>> waiting = new();

    public async Task<InviteCustomerResponse> WaitFor(Guid commandEventId, Func<Task> send, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<InviteCustomerResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting[commandEventId] = reply;
        try
        {
            await send();
            return await reply.Task.WaitAsync(timeout, cancellationToken);
        }
        finally
        {
            waiting.TryRemove(commandEventId, out _);
        }
    }

    public void Received(InviteCustomerReply reply)
    {
        if (waiting.TryRemove(reply.CommandEventId, out var completion))
        {
            completion.TrySetResult(reply.Response);
        }
    }
}

/// <summary>Hands a reply to the request waiting for it.</summary>
public static class InviteCustomerReplyHandler
{
    public static void Handle(InviteCustomerReply reply, PendingReplies pending) => pending.Received(reply);
}
