using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Messaging;
using Unbundled.Messaging.Transport;
using Unbundled.Testing.Aws;

namespace Unbundled.AcceptanceTests.Lambda;

/// <summary>Replies as the Customers endpoint sends them, to a reply queue of the API function, and what is left in one.</summary>
internal static class Replies
{
    public static async Task Send(TransportDefinition transport, string replyQueue, string messageId, string correlationId)
    {
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = Guid.NewGuid().ToString(),
            [Headers.MessageIntent] = "Reply",
            [Headers.CorrelationId] = correlationId,
            [Headers.RelatedTo] = messageId,
            [Headers.ContentType] = "application/json",
            [Headers.EnclosedMessageTypes] = "Unbundled.Domain.Messages.InviteCustomerResponse, Unbundled.Domain",
        };
        var host = new HostSettings("AcceptanceTests", Environment.MachineName, false, (_, _) => { }, NullLoggerFactory.Instance);
        var infrastructure = await transport.Initialize(host, [], [replyQueue]);
        await infrastructure.Dispatcher.Dispatch(new TransportOperations(
            new UnicastTransportOperation(new OutgoingMessage(headers[Headers.MessageId], headers, "{}"u8.ToArray()), replyQueue, DispatchProperties.None)));
        await infrastructure.Shutdown();
    }

    /// <summary>Visible and in flight: a reply being dropped is in flight until it is deleted.</summary>
    public static async Task<int> Left(AwsEmulators emulators, string replyQueue)
    {
        using var sqs = emulators.CreateSqsClient();
        var url = (await sqs.GetQueueUrlAsync(replyQueue)).QueueUrl;
        var left = await sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
        return left.ApproximateNumberOfMessages + left.ApproximateNumberOfMessagesNotVisible;
    }
}
