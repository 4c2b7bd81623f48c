using Microsoft.Extensions.Logging;

namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>
/// Keeps a message invisible while its handler runs longer than the visibility timeout (docs/wire-format.md §3.5, §8), up to
/// the maximum renewal time. When the visibility cannot be extended any more, the handler's token is cancelled: the
/// message will be delivered again, and the handler should stop rather than finish twice.
/// </summary>
internal sealed class VisibilityRenewal : IDisposable
{
    private readonly CancellationTokenSource handler;
    private readonly CancellationTokenSource renewing;
    private readonly Task loop;

    public VisibilityRenewal(SqsReceiverContext receiver, string receiptHandle, CancellationToken stopping)
    {
        handler = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        // Once the stop's time for handlers is over, the message is given back: renewing it then would hide it again.
        renewing = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        loop = receiver.MaxRenewal > TimeSpan.Zero ? Renew(receiver, receiptHandle) : Task.CompletedTask;
    }

    public CancellationToken HandlerToken => handler.Token;

    public async Task Stop()
    {
        await renewing.CancelAsync();
        await loop;
    }

    public void Dispose()
    {
        renewing.Dispose();
        handler.Dispose();
    }

    private async Task Renew(SqsReceiverContext receiver, string receiptHandle)
    {
        var timeout = TimeSpan.FromSeconds(Math.Max(receiver.VisibilityTimeoutSeconds, 2));
        var deadline = receiver.Time.GetUtcNow() + receiver.MaxRenewal;
        try
        {
            while (receiver.Time.GetUtcNow() < deadline)
            {
                // Renew with a third of the timeout still to go, leaving room for a slow call.
                await Task.Delay(timeout * 2 / 3, renewing.Token);
                await receiver.Clients.Sqs.ChangeMessageVisibilityAsync(receiver.QueueUrl, receiptHandle, (int)timeout.TotalSeconds, renewing.Token);
            }
        }
        catch (OperationCanceledException) when (renewing.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            receiver.Logger.LogWarning(exception, "Lost the visibility of a message in {Queue}; cancelling its handler", receiver.QueueName);
            await handler.CancelAsync();
        }
    }
}
