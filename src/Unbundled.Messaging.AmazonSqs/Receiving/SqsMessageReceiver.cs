using System.Globalization;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs.Receiving;

/// <summary>
/// The receive pump of one queue: ceil(concurrency/10) long-polling loops, taking turns to poll (<see cref="PollTurn"/>, which spaces the polls a little under load), that never fetch more
/// messages than there are free processing slots (docs/wire-format.md §3.5), visibility renewal while a handler runs, deletion only
/// after the handler's outgoing messages went out, immediate retries by making the message visible again at once. Handlers
/// in this process may also hand it a message in memory (<see cref="TryHandOff"/>), up to MaxConcurrency at once.
/// A stop ends intake at once, lets the handlers in flight finish until its token is cancelled, gives back what is
/// unfinished in one <c>ChangeMessageVisibilityBatch</c>, then cuts the long poll short (docs/stopping.md).
/// </summary>
internal sealed class SqsMessageReceiver(
    SqsClients clients,
    ReceiveSettings settings,
    string queueName,
    string errorQueueName,
    SqsTransport transport,
    LocalReceivers<SqsMessageReceiver> local,
    ILogger logger) : IMessageReceiver, IDisposable
{
    private const int MaxMessagesPerReceive = 10;

    /// <summary>How long a receive under way at the end of a stop may still return what SQS handed it, before it is cut off.</summary>
    private static readonly TimeSpan ReceiveGrace = TimeSpan.FromMilliseconds(200);

    private readonly List<Task> loops = [];
    private readonly ProcessingTasks inFlight = new();
    private readonly PollTurn pollTurn = new();
    private SqsReceiverContext? context;
    private int maxConcurrency;
    private CancellationTokenSource stopping = new();
    private CancellationTokenSource polls = new();
    private CancellationTokenSource handlersCancelled = new();

    /// <summary>
    /// What a receiver calls on its queue: GetQueueUrl and GetQueueAttributes (the visibility timeout) at start-up,
    /// ReceiveMessage, DeleteMessage (also DeleteMessageBatch, which it authorises), and ChangeMessageVisibility to renew a
    /// running handler's message, to hand a message back for an immediate retry, and to release unfinished ones at stop.
    /// </summary>
    public static IEnumerable<string> Actions =>
        ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage"];

    public string Id => settings.Id;

    public string ReceiveAddress => queueName;

    public ISubscriptionManager? Subscriptions { get; init; }

    public string QueueUrl => Initialized.QueueUrl;

    private SqsReceiverContext Initialized => context ?? throw new InvalidOperationException($"The receiver of {queueName} is not initialized.");

    public async Task Initialize(PushRuntimeSettings limitations, OnMessage onMessage, OnError onError, CancellationToken cancellationToken = default)
    {
        maxConcurrency = limitations.MaxConcurrency;
        var queueUrl = await clients.QueueUrl(queueName, cancellationToken);
        var visibilityTimeoutSeconds = transport.MessageVisibilityTimeout is { } configured
            ? (int)configured.TotalSeconds
            : int.Parse((await clients.Sqs.GetQueueAttributesAsync(queueUrl, ["VisibilityTimeout"], cancellationToken)).Attributes["VisibilityTimeout"], CultureInfo.InvariantCulture);
        context = new SqsReceiverContext(
            queueName, queueUrl, errorQueueName, clients, onMessage, onError, visibilityTimeoutSeconds,
            transport.MaxAutoMessageVisibilityRenewalDuration, transport.TimeProvider, logger)
        {
            Slots = new SemaphoreSlim(maxConcurrency, maxConcurrency),
            HandOffSlots = new SemaphoreSlim(maxConcurrency, maxConcurrency),
        };
    }

    public Task StartReceive(CancellationToken cancellationToken = default)
    {
        var started = Initialized;
        stopping = new CancellationTokenSource();
        polls = new CancellationTokenSource();
        handlersCancelled = new CancellationTokenSource();
        for (var i = 0; i < (maxConcurrency + MaxMessagesPerReceive - 1) / MaxMessagesPerReceive; i++)
        {
            loops.Add(Task.Run(() => ReceiveLoop(started, stopping.Token), CancellationToken.None));
        }

        local.Register(QueueUrl, this);
        return Task.CompletedTask;
    }

    public async Task StopReceive(CancellationToken cancellationToken = default)
    {
        // Intake ends at once: no new receive, no hand-off. A receive under way runs on to its end, and what it brings
        // goes back: cutting it short would leave SQS an abandoned call that still takes messages (docs/stopping.md).
        local.Unregister(QueueUrl, this);
        await stopping.CancelAsync();
        try
        {
            await Task.WhenAll(inFlight.All(), Task.WhenAll(loops)).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await GiveBackUnfinished(Initialized);
        }

        // A receive that outlasts the handlers' time (a wait longer than the stop allows) is cut short only now, after a
        // moment to return what was given back while it waited.
        polls.CancelAfter(ReceiveGrace);
        await Task.WhenAll(loops);
        loops.Clear();
    }

    /// <summary>
    /// The handlers' time is over: cancel them, and give back at once what they have not finished, rather than let it
    /// wait out its visibility timeout. Handlers that ignore their token are left behind; their messages are not theirs.
    /// </summary>
    private async Task GiveBackUnfinished(SqsReceiverContext started)
    {
        await handlersCancelled.CancelAsync();
        using var cleanUp = new CancellationTokenSource(StopBudget.CleanUpTime);
        try
        {
            await started.VisibilityResets.Reset(started.Unfinished.TakeAll(), cleanUp.Token);
            await Task.WhenAll(started.Deletes.WhenIdle(), started.VisibilityResets.WhenIdle()).WaitAsync(cleanUp.Token);
        }
        catch (OperationCanceledException) when (cleanUp.IsCancellationRequested)
        {
            logger.LogWarning("{Queue} stopped with messages still being settled; they come back after their visibility timeout", queueName);
        }
    }

    public void Dispose()
    {
        // The semaphores are not disposed: a handler left behind by a stop releases its slot whenever it ends.
        pollTurn.Dispose();
        stopping.Dispose();
        polls.Dispose();
        handlersCancelled.Dispose();
    }

    private async Task ReceiveLoop(SqsReceiverContext started, CancellationToken cancellationToken)
    {
        var slots = started.Slots;
        while (!cancellationToken.IsCancellationRequested)
        {
            var taken = 0;
            var polling = false;
            try
            {
                await pollTurn.Take(cancellationToken);
                polling = true;
                await slots.WaitAsync(cancellationToken);
                taken = 1;
                while (taken < MaxMessagesPerReceive && slots.Wait(0, CancellationToken.None))
                {
                    taken++;
                }

                // A stop cuts the long poll short (waiting it out took up to 20 s per queue) once it has settled the
                // messages in flight; what a receive brings once the stop began goes back at once.
                var messages = await Receive(started.QueueUrl, taken, polls.Token);
                polling = false;
                pollTurn.Pass(cancellationToken.IsCancellationRequested ? 0 : messages.Count, taken);
                if (cancellationToken.IsCancellationRequested)
                {
                    await started.VisibilityResets.ResetWithin(StopBudget.CleanUpTime, [.. messages.Select(message => message.ReceiptHandle)]);
                    continue;
                }

                foreach (var message in messages)
                {
                    taken--;
                    inFlight.Track(Process(started, message));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (Exception exception) when (cancellationToken.IsCancellationRequested)
            {
                logger.LogDebug(exception, "A receive from {Queue} cut short by the stop failed", queueName);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Receiving from {Queue} failed; trying again in a second", queueName);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            finally
            {
                if (polling)
                {
                    pollTurn.Pass();
                }

                if (taken > 0)
                {
                    slots.Release(taken);
                }
            }
        }
    }

    /// <summary>
    /// Takes a message from a dispatcher in this process when a hand-off slot is free; <paramref name="consumed"/> ends true
    /// once it is processed, false if it was not (the dispatcher then sends it through SQS). Hand-offs have slots of their
    /// own: a long poll holds the receive slots that are free while it waits, and an idle queue is always polling.
    /// </summary>
    internal bool TryHandOff(OutgoingMessage message, out Task<bool> consumed)
    {
        if (stopping.IsCancellationRequested || context is not { } started || !started.HandOffSlots.Wait(0))
        {
            consumed = Task.FromResult(false);
            return false;
        }

        consumed = ProcessHandedOff(started, message);
        inFlight.Track(consumed);
        return true;
    }

    private async Task<bool> ProcessHandedOff(SqsReceiverContext started, OutgoingMessage message)
    {
        try
        {
            return await HandedOffMessage.Process(started, message, handlersCancelled.Token);
        }
        finally
        {
            started.HandOffSlots.Release();
        }
    }

    private async Task<List<Message>> Receive(string queueUrl, int count, CancellationToken cancellationToken)
    {
        var response = await clients.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = count,
            WaitTimeSeconds = (int)transport.ReceiveWaitTime.TotalSeconds,
            MessageAttributeNames = ["All"],
            MessageSystemAttributeNames = ["ApproximateReceiveCount", "SentTimestamp"],
        }, cancellationToken);
        return response.Messages ?? [];
    }

    private async Task Process(SqsReceiverContext started, Message message)
    {
        await Task.Yield();
        try
        {
            await new SqsMessageProcessing(started, message).Run(handlersCancelled.Token);
        }
        catch (Exception exception)
        {
            // The message stays invisible until its timeout and comes back: nothing is lost, only delayed.
            logger.LogError(exception, "Processing of SQS message {NativeMessageId} in {Queue} failed outside recoverability", message.MessageId, queueName);
        }
        finally
        {
            started.Slots.Release();
        }
    }
}
