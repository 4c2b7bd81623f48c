using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging;
using Unbundled.Messaging.AmazonSqs;
using Unbundled.Messaging.AmazonSqs.Receiving;
using Unbundled.Messaging.Topology;
using Unbundled.Messaging.Transport;

namespace Unbundled.Lambda.Sqs;

/// <summary>
/// The reply queue of one execution environment: created, tagged as instance queues are, on the first request; polled
/// only while a request of the invocation under way awaits its reply, since between invocations the environment is
/// frozen and no background loop runs (docs/lambda.md#request-response). Replies go through the endpoint pipeline as the
/// SQS receiver's do: the callbacks complete the request, and a reply nobody awaits any more is dropped there.
/// </summary>
internal sealed class InvocationReplyQueue(ReceiveSettings settings, SqsTransport transport, SqsClients clients, TimeSpan replyWait, ILogger logger)
    : IMessageReceiver, IDisposable
{
    private const int LongestPollSeconds = 20;
    private readonly SemaphoreSlim creating = new(1, 1);
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> awaited = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly ReplyQueueLifetime lifetime = new(
        clients, transport, transport.ToTransportAddress(settings.ReceiveAddress with { Discriminator = null }) + "-", logger);

    private OnMessage? onMessage;
    private OnError? onError;
    private int maxConcurrency = 1;
    private SqsReceiverContext? context;
    private Task polling = Task.CompletedTask;
    private bool pollRunning;

    public string Id => settings.Id;

    public string ReceiveAddress { get; } = transport.ToTransportAddress(settings.ReceiveAddress);

    public ISubscriptionManager? Subscriptions => null;

    public Task Initialize(PushRuntimeSettings limitations, OnMessage onMessage, OnError onError, CancellationToken cancellationToken = default)
    {
        this.onMessage = onMessage;
        this.onError = onError;
        maxConcurrency = limitations.MaxConcurrency;
        return Task.CompletedTask;
    }

    /// <summary>Nothing to start: the queue does not exist until the first request needs it.</summary>
    public Task StartReceive(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task StopReceive(CancellationToken cancellationToken = default)
    {
        await stopping.CancelAsync();
        await polling.WaitAsync(cancellationToken);
    }

    /// <summary>Before a request leaves: its reply address must exist, and be marked as alive.</summary>
    public async Task BeforeRequest(CancellationToken cancellationToken)
    {
        var queue = await Created(cancellationToken);
        await lifetime.KeepSeen(queue.QueueUrl, cancellationToken);
    }

    /// <summary>Once a request has left: poll until its reply (by correlation id) came or its time is up.</summary>
    public void AwaitReply(string correlationId)
    {
        var queue = context ?? throw new InvalidOperationException("A request left before its reply queue was created");
        lock (gate)
        {
            awaited[correlationId] = transport.TimeProvider.GetUtcNow() + replyWait;
            if (!pollRunning)
            {
                pollRunning = true;
                polling = Task.Run(() => Poll(queue), CancellationToken.None);
            }
        }
    }

    /// <summary>Removes the queue with the environment, if it ever made one; a later environment's clean-up removes it otherwise.</summary>
    public Task Delete(CancellationToken cancellationToken) => context is { } queue ? lifetime.Delete(queue.QueueUrl, cancellationToken) : Task.CompletedTask;

    public void Dispose()
    {
        creating.Dispose();
        stopping.Dispose();
    }

    private async Task<SqsReceiverContext> Created(CancellationToken cancellationToken)
    {
        if (context is { } existing)
        {
            return existing;
        }

        await creating.WaitAsync(cancellationToken);
        try
        {
            if (context is { } created)
            {
                return created;
            }

            var resource = new QueueResource(ReceiveAddress, Fifo: false, 0, (long)transport.MaxTimeToLive.TotalSeconds, InstanceSpecific: true);
            var url = await lifetime.Create(resource, cancellationToken);
            return context = new SqsReceiverContext(
                ReceiveAddress, url, transport.ToTransportAddress(new QueueAddress(settings.ErrorQueue)), clients,
                onMessage ?? throw new InvalidOperationException("The endpoint has not initialized its reply queue"), onError!,
                (int)(transport.MessageVisibilityTimeout ?? TimeSpan.FromSeconds(30)).TotalSeconds,
                transport.MaxAutoMessageVisibilityRenewalDuration, transport.TimeProvider, logger)
            {
                Slots = new SemaphoreSlim(maxConcurrency, maxConcurrency),
                HandOffSlots = new SemaphoreSlim(maxConcurrency, maxConcurrency),
            };
        }
        finally
        {
            creating.Release();
        }
    }

    private async Task Poll(SqsReceiverContext queue)
    {
        while (NextWait() is { } wait)
        {
            try
            {
                // The wait never outlasts the requests' time by more than a second: the poll ends with the invocation.
                var received = await clients.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
                {
                    QueueUrl = queue.QueueUrl,
                    MaxNumberOfMessages = 10,
                    WaitTimeSeconds = wait,
                    MessageAttributeNames = ["All"],
                    MessageSystemAttributeNames = ["ApproximateReceiveCount", "SentTimestamp"],
                }, stopping.Token);
                foreach (var message in received.Messages ?? [])
                {
                    var correlationId = SqsMessageReader.Read(message)?.Headers.GetValueOrDefault(Headers.CorrelationId);
                    await new SqsMessageProcessing(queue, message).Run(stopping.Token);
                    lock (gate)
                    {
                        awaited.Remove(correlationId ?? string.Empty);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Receiving replies from {Queue} failed; trying again in a second", ReceiveAddress);
                await Task.Delay(TimeSpan.FromSeconds(1), transport.TimeProvider, CancellationToken.None);
            }
        }
    }

    /// <summary>The next poll's wait in seconds, or null when no request awaits a reply any more (the poll ends).</summary>
    private int? NextWait()
    {
        lock (gate)
        {
            var now = transport.TimeProvider.GetUtcNow();
            foreach (var expired in awaited.Where(request => request.Value <= now).Select(request => request.Key).ToList())
            {
                awaited.Remove(expired);
            }

            if (awaited.Count == 0 || stopping.IsCancellationRequested)
            {
                pollRunning = false;
                return null;
            }

            var left = awaited.Values.Max() - now;
            return Math.Clamp((int)Math.Ceiling(left.TotalSeconds), 1, LongestPollSeconds);
        }
    }
}
