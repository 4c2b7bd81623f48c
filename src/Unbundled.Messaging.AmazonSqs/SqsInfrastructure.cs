using Microsoft.Extensions.Logging;
using Unbundled.Messaging.AmazonSqs.Administration;
using Unbundled.Messaging.AmazonSqs.Receiving;
using Unbundled.Messaging.AmazonSqs.Sending;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.AmazonSqs;

/// <summary>
/// The started transport: its receivers' delayed-message pumps, the heartbeat that marks this instance's queue as alive,
/// the clean-up of stale instance queues, and on shutdown the deletion of this instance's own queue.
/// </summary>
internal sealed class SqsInfrastructure : TransportInfrastructure, IDisposable
{
    private readonly SqsClients clients;
    private readonly QueueCreator creator;
    private readonly List<DelayedMessagesPump> delayedPumps = [];
    private readonly List<string> instanceQueues = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly Task heartbeat = Task.CompletedTask;
    private readonly StaleInstanceQueues stale;
    private readonly IReadOnlyDictionary<string, SqsMessageReceiver> sqsReceivers;
    private readonly ILogger logger;

    public SqsInfrastructure(
        SqsTransport transport,
        SqsClients clients,
        QueueCreator creator,
        IReadOnlyList<ReceiveSettings> receivers,
        IReadOnlyDictionary<string, SqsMessageReceiver> sqsReceivers,
        ILogger logger)
    {
        this.clients = clients;
        this.creator = creator;
        this.sqsReceivers = sqsReceivers;
        this.logger = logger;
        stale = new StaleInstanceQueues(clients, transport.StaleInstanceQueueAge, transport.TimeProvider, logger);
        foreach (var settings in receivers)
        {
            var queueName = transport.ToTransportAddress(settings.ReceiveAddress);
            if (transport.EnableUnrestrictedDelayedDelivery)
            {
                var pump = new DelayedMessagesPump(clients, queueName, transport.TimeProvider, logger);
                pump.Start();
                delayedPumps.Add(pump);
            }

            if (settings.IsInstanceSpecific)
            {
                instanceQueues.Add(queueName);
                var endpointPrefix = transport.ToTransportAddress(settings.ReceiveAddress with { Discriminator = null }) + "-";
                heartbeat = KeepAlive(sqsReceivers[settings.Id], endpointPrefix, logger, transport.StaleInstanceQueueAge);
            }
        }
    }

    /// <summary>The transport's clients, for a host that receives by other means (the Lambda shell's event source).</summary>
    internal SqsClients Clients => clients;

    public override async Task Shutdown(CancellationToken cancellationToken = default)
    {
        // The receivers have stopped; whatever the stop's token says by now, what remains gets a short time of its own.
        await stopping.CancelAsync();
        using var cleanUp = new CancellationTokenSource(StopBudget.CleanUpTime);
        try
        {
            await Task.WhenAll(
                Task.WhenAll([heartbeat, .. delayedPumps.Select(pump => pump.Stop()), ((SqsDispatcher)Dispatcher).WhenIdle()]).WaitAsync(cleanUp.Token),
                Task.WhenAll(instanceQueues.Select(queue => DeleteInstanceQueue(queue, cleanUp.Token))));
        }
        catch (OperationCanceledException) when (cleanUp.IsCancellationRequested)
        {
            logger.LogWarning("The transport stopped with sends or publishes still under way; the outbox sends them again");
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>
    /// Nobody else reads an instance queue, and callbacks do not outlive the process: leave nothing behind. A queue that
    /// cannot be deleted now is removed by the next instance's clean-up of stale instance queues.
    /// </summary>
    private async Task DeleteInstanceQueue(string queue, CancellationToken cancellationToken)
    {
        try
        {
            await stale.DeleteWithDelayQueue(await clients.QueueUrl(queue, cancellationToken), cancellationToken);
            clients.ForgetQueueUrl(queue);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not delete instance queue {Queue} at stop; a later instance removes it once it is stale", queue);
        }
    }

    public void Dispose()
    {
        foreach (var pump in delayedPumps)
        {
            pump.Dispose();
        }

        foreach (var receiver in sqsReceivers.Values)
        {
            receiver.Dispose();
        }

        stopping.Dispose();
        clients.Dispose();
    }

    private async Task KeepAlive(SqsMessageReceiver receiver, string endpointPrefix, ILogger logger, TimeSpan staleAge)
    {
        // Tag well within the stale age, so a live instance is never taken for a dead one.
        var interval = staleAge / 4;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var queueUrl = await clients.QueueUrl(receiver.ReceiveAddress, stopping.Token);
                await creator.TagAsSeen(queueUrl, stopping.Token);
                await stale.Remove(endpointPrefix, queueUrl, stopping.Token);
                await Task.Delay(interval, stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not mark instance queue {Queue} as alive; trying again later", receiver.ReceiveAddress);
                await Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None).WaitAsync(stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
