using System.Text.Json;
using Unbundled.Lambda.Runtime;

namespace Unbundled.Lambda.Sqs;

/// <summary>
/// A function fed by an SQS event source mapping with <c>ReportBatchItemFailures</c>: the batch goes through the endpoint,
/// and the answer names only the records that did not finish, so one bad message never fails the others.
/// </summary>
public sealed class SqsEventFunction(LambdaSqsTransport transport) : IInvocationHandler
{
    public async Task<byte[]> Handle(Invocation invocation, CancellationToken cancellationToken)
    {
        var sqsEvent = JsonSerializer.Deserialize(invocation.Payload, SqsEventJson.Default.SqsEvent)
            ?? throw new JsonException("The invocation is not an SQS event");
        var failed = await transport.EventSource.Process([.. sqsEvent.Records.Select(SqsEventMessages.ToMessage)], cancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(
            new SqsBatchResponse([.. failed.Select(id => new SqsBatchItemFailure(id))]), SqsEventJson.Default.SqsBatchResponse);
    }
}
