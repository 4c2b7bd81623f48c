using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Messaging.Callbacks;
using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Serialization;
using Unbundled.Messaging.ServicePlatform;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging;

/// <summary>Starts endpoints.</summary>
public static class Endpoint
{
    /// <summary>
    /// Starts an endpoint: runs installers if enabled, starts its receivers and subscribes to the events its handlers handle.
    /// Handlers are resolved from a scope of <paramref name="services"/> per message, or created with their constructor's
    /// dependencies taken from it.
    /// </summary>
    public static async Task<IEndpointInstance> Start(
        EndpointConfiguration configuration, IServiceProvider? services = null, CancellationToken cancellationToken = default)
    {
        Validate(configuration);
        services ??= new ServiceCollection().BuildServiceProvider();
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger($"Unbundled.Messaging.Endpoint.{configuration.EndpointName}");
        var transport = configuration.Transport!;
        var host = HostInformation.For(configuration.EndpointName);
        var identity = new EndpointIdentity(
            configuration.EndpointName,
            configuration.IsSendOnly ? null : transport.ToTransportAddress(new QueueAddress(configuration.EndpointName)),
            configuration.IsSendOnly || configuration.InstanceDiscriminator is null
                ? null
                : transport.ToTransportAddress(new QueueAddress(configuration.EndpointName, configuration.InstanceDiscriminator)),
            host);

        var errorAddress = transport.ToTransportAddress(new QueueAddress(configuration.ErrorQueue));
        var auditAddress = configuration.AuditQueue is { } audit ? transport.ToTransportAddress(new QueueAddress(audit)) : null;
        var receivers = ReceiversOf(configuration);
        // An endpoint given no process scope is alone in its process: it owns the one it makes.
        var process = configuration.Process ?? new ProcessScope();
        var ownedProcess = configuration.Process is null ? process : null;
        var hostSettings = new HostSettings(
            configuration.EndpointName,
            host.DisplayName,
            configuration.InstallersEnabled,
            (reason, exception) => logger.LogCritical(exception, "Critical error in the transport: {Reason}", reason),
            loggerFactory) { Process = process };
        string[] sendingAddresses = [errorAddress, .. new[] { auditAddress }.OfType<string>(),
            .. PlatformReporters.Queues(configuration).Select(queue => transport.ToTransportAddress(new QueueAddress(queue)))];
        var infrastructure = await transport.Initialize(hostSettings, receivers, sendingAddresses, cancellationToken);

        if (configuration.InstallersEnabled && configuration.Persistence is { } persistence)
        {
            await persistence.Install(cancellationToken);
        }

        var messageTypes = new MessageTypeRegistry(configuration.Conventions);
        var handlers = new HandlerRegistry(configuration.HandlerTypes);
        foreach (var messageType in handlers.MessageTypes)
        {
            messageTypes.Register(messageType);
        }

        var serializer = new SystemJsonMessageSerializer();
        var factory = new OutgoingMessageFactory(identity, configuration, messageTypes, serializer, transport, configuration.TimeProvider);
        var callbacks = configuration.CallbacksEnabled && configuration.CallbacksMakeRequests ? new RequestResponseStateLookup() : null;
        var outbox = configuration.OutboxEnabled ? configuration.Persistence!.CreateOutboxStorage(configuration.EndpointName) : null;
        var metrics = configuration.Metrics is null ? null : new Metrics.MetricsRecorder();
        var pipeline = new IncomingPipeline(
            configuration, messageTypes, handlers, serializer, factory, infrastructure.Dispatcher, outbox, callbacks,
            new AuditAndAcknowledge(identity, auditAddress, infrastructure.Dispatcher, configuration.TimeProvider) { Metrics = metrics },
            configuration.TimeProvider, services, logger);
        var recoverability = new RecoverabilityPipeline(
            identity, configuration.Recoverability, transport.SupportsDelayedDelivery, errorAddress, infrastructure.Dispatcher,
            configuration.TimeProvider, logger) { Metrics = metrics };

        var reporters = PlatformReporters.Create(configuration, identity, transport, infrastructure.Dispatcher, metrics, loggerFactory);
        var instance = new EndpointInstance(
            new MessageSession(configuration, factory, infrastructure.Dispatcher, callbacks), infrastructure, callbacks,
            configuration.Persistence, configuration.ShutdownTimeout, ownedProcess, logger) { Reporters = reporters };
        try
        {
            var limitations = new PushRuntimeSettings(configuration.MaxConcurrency);
            foreach (var receiver in infrastructure.Receivers.Values)
            {
                await receiver.Initialize(limitations, pipeline.Invoke, recoverability.Invoke, cancellationToken);
            }

            var events = handlers.MessageTypes.Where(configuration.Conventions.IsEventType).ToList();
            if (events.Count > 0 && infrastructure.Receivers.TryGetValue(MainReceiverId, out var main) && main.Subscriptions is { } subscriptions)
            {
                await subscriptions.SubscribeAll(events, cancellationToken);
            }

            foreach (var receiver in infrastructure.Receivers.Values)
            {
                await receiver.StartReceive(cancellationToken);
            }

            foreach (var reporter in reporters)
            {
                reporter.Start();
            }
        }
        catch
        {
            await instance.Stop(CancellationToken.None);
            throw;
        }

        logger.LogInformation("Endpoint {Endpoint} started, receiving from {Queues}",
            configuration.EndpointName, string.Join(", ", infrastructure.Receivers.Values.Select(r => r.ReceiveAddress)));
        return instance;
    }

    internal const string MainReceiverId = "Main";
    internal const string InstanceReceiverId = "Instance";

    private static ReceiveSettings[] ReceiversOf(EndpointConfiguration configuration)
    {
        if (configuration.IsSendOnly)
        {
            return [];
        }

        var main = new ReceiveSettings(MainReceiverId, new QueueAddress(configuration.EndpointName), UsePublishSubscribe: true, configuration.ErrorQueue);
        return configuration.InstanceDiscriminator is { } discriminator
            ? [main, new ReceiveSettings(InstanceReceiverId, new QueueAddress(configuration.EndpointName, discriminator), false, configuration.ErrorQueue, IsInstanceSpecific: true)]
            : [main];
    }

    private static void Validate(EndpointConfiguration configuration)
    {
        if (configuration.Transport is null)
        {
            throw new InvalidOperationException($"Endpoint {configuration.EndpointName} has no transport: call UseTransport(...).");
        }

        if (configuration.CallbacksEnabled && configuration.CallbacksMakeRequests && configuration.InstanceDiscriminator is null)
        {
            throw new InvalidOperationException(
                $"Endpoint {configuration.EndpointName} makes requests: callbacks need MakeInstanceUniquelyAddressable(...) so replies reach this instance.");
        }

        if (configuration.OutboxEnabled && configuration.Persistence is null)
        {
            throw new InvalidOperationException($"Endpoint {configuration.EndpointName} enables the outbox but has no persistence: call UsePersistence(...).");
        }

        if (configuration.IsSendOnly && configuration.HandlerTypes.Count > 0)
        {
            throw new InvalidOperationException($"Send-only endpoint {configuration.EndpointName} cannot have handlers.");
        }
    }
}
