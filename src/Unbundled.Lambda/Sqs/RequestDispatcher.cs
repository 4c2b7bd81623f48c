using Unbundled.Messaging;
using Unbundled.Messaging.Transport;

namespace Unbundled.Lambda.Sqs;

/// <summary>
/// The function's dispatcher: a message whose reply address is this environment's reply queue is a request, so the queue
/// is created before it leaves, and polled from then on until its reply is in (docs/lambda.md#request-response).
/// </summary>
internal sealed class RequestDispatcher(IMessageDispatcher sqs, InvocationReplyQueue replies) : IMessageDispatcher
{
    public async Task Dispatch(TransportOperations operations, CancellationToken cancellationToken = default)
    {
        var requests = operations.UnicastOperations
            .Where(operation => operation.Message.Headers.GetValueOrDefault(Headers.ReplyToAddress) == replies.ReceiveAddress)
            .Select(operation => operation.Message.Headers.GetValueOrDefault(Headers.CorrelationId) ?? operation.Message.MessageId)
            .ToList();
        if (requests.Count > 0)
        {
            await replies.BeforeRequest(cancellationToken);
        }

        await sqs.Dispatch(operations, cancellationToken);
        foreach (var correlationId in requests)
        {
            replies.AwaitReply(correlationId);
        }
    }
}
