using System.Collections.Concurrent;
using System.Globalization;
using Unbundled.Messaging.Pipeline;

namespace Unbundled.Messaging.Callbacks;

/// <summary>
/// The in-memory table of requests awaiting a reply, keyed by the request's message id, which the reply carries back as
/// its <c>NServiceBus.CorrelationId</c> (docs/wire-format.md §5). Entries leave the table when answered, timed out or cancelled.
/// </summary>
internal sealed class RequestResponseStateLookup
{
    private readonly ConcurrentDictionary<string, PendingRequest> pending = new(StringComparer.Ordinal);

    public int PendingCount => pending.Count;

    public PendingRequest Register(string requestMessageId, Type responseType)
    {
        var request = new PendingRequest(responseType);
        if (!pending.TryAdd(requestMessageId, request))
        {
            throw new InvalidOperationException($"A request with message id {requestMessageId} is already waiting for its reply.");
        }

        return request;
    }

    public void Remove(string requestMessageId) => pending.TryRemove(requestMessageId, out _);

    /// <summary>Completes the request this reply answers; false when no request is waiting for it.</summary>
    public bool TryComplete(IncomingMessage reply, Func<Type, object> deserialize)
    {
        if (!IsReply(reply.Headers)
            || !reply.Headers.TryGetValue(Headers.CorrelationId, out var correlationId)
            || !pending.TryRemove(correlationId, out var request))
        {
            return false;
        }

        try
        {
            request.Completion.TrySetResult(reply.Headers.TryGetValue(Headers.ReturnMessageErrorCodeHeader, out var code)
                ? ParseReturnCode(code, request.ResponseType)
                : deserialize(request.ResponseType));
        }
        catch (Exception exception)
        {
            // The requester learns why its reply was unreadable; the reply itself is consumed, as there is no one else to read it.
            request.Completion.TrySetException(exception);
        }

        return true;
    }

    /// <summary>Ends every waiting request, e.g. when the endpoint stops.</summary>
    public void CancelAll()
    {
        foreach (var id in pending.Keys)
        {
            if (pending.TryRemove(id, out var request))
            {
                request.Completion.TrySetCanceled();
            }
        }
    }

    public static bool IsReply(IReadOnlyDictionary<string, string> headers)
    {
        if (headers.GetValueOrDefault(Headers.MessageIntent) == nameof(MessageIntent.Reply))
        {
            return true;
        }

        // Senders before NServiceBus 5 did not mark replies; callbacks accept them by correlation alone.
        return headers.TryGetValue(Headers.NServiceBusVersion, out var version)
            && Version.TryParse(version, out var parsed) && parsed.Major < 5;
    }

    private static object ParseReturnCode(string code, Type responseType)
    {
        var type = Nullable.GetUnderlyingType(responseType) ?? responseType;
        return type.IsEnum
            ? Enum.Parse(type, code)
            : Convert.ChangeType(long.Parse(code, CultureInfo.InvariantCulture), type, CultureInfo.InvariantCulture);
    }
}
