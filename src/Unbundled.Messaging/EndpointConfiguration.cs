using Unbundled.Messaging.Outbox;
using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging;

/// <summary>Everything that makes an endpoint: its name, transport, routing, conventions, handlers and recoverability.</summary>
public sealed class EndpointConfiguration
{
    private readonly HashSet<Type> handlerTypes = [];
    private readonly HashSet<Type> declaredSends = [];
    private readonly HashSet<Type> declaredPublishes = [];
    private readonly List<CustomChecks.CustomCheck> checks = [];

    public EndpointConfiguration(string endpointName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        EndpointName = endpointName;
    }

    public string EndpointName { get; }

    public TransportDefinition? Transport { get; private set; }

    public PersistenceDefinition? Persistence { get; private set; }

    public bool OutboxEnabled { get; private set; }

    /// <summary>The clock of the headers' times, delays, the delayed-retry window, audit copies and the periodic reports (heartbeats, checks, metrics); see <see cref="UseTimeProvider"/>.</summary>
    public TimeProvider TimeProvider { get; private set; } = TimeProvider.System;

    /// <summary>What the endpoint shares with the other endpoints of its process; see <see cref="ShareProcess"/>.</summary>
    public ProcessScope? Process { get; private set; }

    public Conventions Conventions { get; } = new();

    public RoutingSettings Routing { get; } = new();

    public RecoverabilitySettings Recoverability { get; } = new();

    public string ErrorQueue { get; } = "error";

    public string? AuditQueue { get; private set; }

    public int MaxConcurrency { get; private set; } = PushRuntimeSettings.Default.MaxConcurrency;

    public string? InstanceDiscriminator { get; private set; }

    public bool CallbacksEnabled { get; private set; }

    public bool CallbacksMakeRequests { get; private set; }

    /// <summary>How long <see cref="IMessageSession.Request{TResponse}"/> waits when the caller's token does not end it first.</summary>
    public TimeSpan DefaultRequestTimeout { get; private set; } = TimeSpan.FromSeconds(30);

    public bool InstallersEnabled { get; private set; }

    /// <summary>How long a stop may take in all; see <see cref="StopWithin"/>.</summary>
    public TimeSpan ShutdownTimeout { get; private set; } = StopBudget.DefaultShutdownTimeout;

    public bool IsSendOnly { get; private set; }

    public IReadOnlyCollection<Type> HandlerTypes => handlerTypes;

    /// <summary>The message types the handlers handle, each once.</summary>
    public IReadOnlyList<Type> HandledMessageTypes => [.. new HandlerRegistry(handlerTypes).MessageTypes];

    /// <summary>Commands this endpoint sends outside handlers (handlers declare theirs with <c>[Sends]</c>).</summary>
    public IReadOnlyCollection<Type> DeclaredSends => declaredSends;

    /// <summary>Events this endpoint publishes outside handlers (handlers declare theirs with <c>[Publishes]</c>).</summary>
    public IReadOnlyCollection<Type> DeclaredPublishes => declaredPublishes;

    /// <summary>When true, sending, publishing or replying a message type nobody declared fails (see <see cref="RequireDeclaredMessages"/>).</summary>
    public bool RequiresDeclaredMessages { get; private set; }

    public EndpointConfiguration UseTransport(TransportDefinition transport)
    {
        Transport = transport;
        return this;
    }

    /// <summary>
    /// Runs the endpoint in <paramref name="process"/>, whose owner disposes it after the endpoint stopped: its sends reach
    /// the receivers of the other endpoints of the process without the broker (docs/process-scope.md). Without it the
    /// endpoint shares nothing and owns a scope of its own.
    /// </summary>
    public EndpointConfiguration ShareProcess(ProcessScope process)
    {
        Process = process;
        return this;
    }

    public EndpointConfiguration UseTimeProvider(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider;
        return this;
    }

    public EndpointConfiguration UsePersistence(PersistenceDefinition persistence)
    {
        Persistence = persistence;
        return this;
    }

    /// <summary>
    /// Deduplicates by message id and releases a message's outgoing messages only once its handlers' writes are stored
    /// (needs a persistence). What survives a crash depends on the persistence (docs/outbox.md): on SQLite the writes and
    /// the outbox record commit in one transaction, so a redelivery sends the recorded messages again; on DynamoDB the
    /// record rides on the handler's one conditional single-item write, and a redelivery after a crash before the
    /// dispatched marker runs the handler again, which deduplicates only because the decider, given the item this
    /// message wrote, repeats its decision.
    /// </summary>
    public EndpointConfiguration EnableOutbox()
    {
        OutboxEnabled = true;
        return this;
    }

    public EndpointConfiguration AuditProcessedMessagesTo(string auditQueue)
    {
        AuditQueue = auditQueue;
        return this;
    }

    public Heartbeats.HeartbeatSettings? Heartbeats { get; private set; }

    public CustomChecks.CustomChecksSettings? CustomChecks { get; private set; }

    public Metrics.MetricsSettings? Metrics { get; private set; }

    /// <summary>
    /// Sends ServiceControl Monitoring the metadata report and the ProcessingTime, CriticalTime and Retries streams every
    /// <paramref name="interval"/> (NServiceBus.Metrics.ServiceControl, wire-format §6.4); <paramref name="queueLength"/>
    /// adds the QueueLength stream where Monitoring cannot measure the queue itself.
    /// </summary>
    public EndpointConfiguration SendMetricDataToServiceControl(string monitoringQueue, TimeSpan interval, string? instanceId = null, Func<long>? queueLength = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(monitoringQueue);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Metrics = new Metrics.MetricsSettings(monitoringQueue, interval, instanceId, queueLength);
        return this;
    }

    /// <summary>The checks whose results go to <see cref="CustomChecks"/>'s queue.</summary>
    /// <summary>Where the endpoint saves its last heartbeat and check results as it sends them (docs/operations.md); null: nowhere.</summary>
    public ServicePlatform.IEndpointStatusStore? StatusStore { get; private set; }

    public EndpointConfiguration RecordStatusIn(ServicePlatform.IEndpointStatusStore store)
    {
        StatusStore = store;
        return this;
    }

    public IReadOnlyList<CustomChecks.CustomCheck> Checks => checks;

    /// <summary>The ServiceControl queues heartbeats, custom checks and metrics go to, each once (the installers create them).</summary>
    public IReadOnlyList<string> ServicePlatformQueues =>
        [.. new[] { Heartbeats?.Queue, CustomChecks?.Queue, Metrics?.Queue }.OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>Reports the results of the checks added with <see cref="AddCustomCheck"/> to ServiceControl (NServiceBus.CustomChecks).</summary>
    public EndpointConfiguration ReportCustomChecksTo(string serviceControlQueue, TimeSpan? timeToLive = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceControlQueue);
        CustomChecks = new CustomChecks.CustomChecksSettings(serviceControlQueue, timeToLive);
        return this;
    }

    public EndpointConfiguration AddCustomCheck(CustomChecks.CustomCheck check)
    {
        if (checks.Any(existing => existing.Id == check.Id))
        {
            throw new ArgumentException($"Endpoint {EndpointName} already has a custom check {check.Id}.", nameof(check));
        }

        checks.Add(check);
        return this;
    }

    /// <summary>
    /// Sends ServiceControl a <c>RegisterEndpointStartup</c> at start and an <c>EndpointHeartbeat</c> every
    /// <paramref name="frequency"/> (default 10 s), each discarded unread after <paramref name="timeToLive"/> (default 4 × the
    /// frequency), as NServiceBus.Heartbeat does (wire-format §6.3).
    /// </summary>
    public EndpointConfiguration SendHeartbeatTo(string serviceControlQueue, TimeSpan? frequency = null, TimeSpan? timeToLive = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceControlQueue);
        var every = frequency ?? Unbundled.Messaging.Heartbeats.HeartbeatSettings.DefaultFrequency;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(every, TimeSpan.Zero);
        Heartbeats = new Heartbeats.HeartbeatSettings(serviceControlQueue, every, timeToLive ?? every * 4);
        return this;
    }

    public EndpointConfiguration LimitMessageProcessingConcurrencyTo(int maxConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        MaxConcurrency = maxConcurrency;
        return this;
    }

    /// <summary>Gives this instance its own queue, <c>{endpoint}-{discriminator}</c>, next to the shared one.</summary>
    public EndpointConfiguration MakeInstanceUniquelyAddressable(string discriminator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(discriminator);
        InstanceDiscriminator = discriminator;
        return this;
    }

    /// <summary>Lets this endpoint await replies (request/response); a requester must be uniquely addressable.</summary>
    public EndpointConfiguration EnableCallbacks(bool makesRequests = true, TimeSpan? defaultRequestTimeout = null)
    {
        CallbacksEnabled = true;
        CallbacksMakeRequests = makesRequests;
        DefaultRequestTimeout = defaultRequestTimeout ?? DefaultRequestTimeout;
        return this;
    }

    /// <summary>
    /// Bounds a graceful stop: intake ends at once, handlers in flight get <see cref="StopBudget.ForHandlers"/> of
    /// <paramref name="shutdownTimeout"/> to finish, and what they have not finished is given back to its queue within the
    /// rest (docs/stopping.md). Set the host's <c>HostOptions.ShutdownTimeout</c> to the same value.
    /// </summary>
    public EndpointConfiguration StopWithin(TimeSpan shutdownTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(shutdownTimeout, TimeSpan.Zero);
        ShutdownTimeout = shutdownTimeout;
        return this;
    }

    /// <summary>Creates queues, topics, subscriptions and tables at start-up.</summary>
    public EndpointConfiguration EnableInstallers()
    {
        InstallersEnabled = true;
        return this;
    }

    /// <summary>An endpoint that only sends and publishes: no queue, no handlers.</summary>
    public EndpointConfiguration SendOnly()
    {
        IsSendOnly = true;
        return this;
    }

    /// <summary>Declares a command this endpoint sends from a message session, for its topology and its IAM grants.</summary>
    public EndpointConfiguration Sends<TCommand>()
    {
        declaredSends.Add(typeof(TCommand));
        return this;
    }

    /// <summary>Declares an event this endpoint publishes from a message session, for its topology and its IAM grants.</summary>
    public EndpointConfiguration Publishes<TEvent>()
    {
        declaredPublishes.Add(typeof(TEvent));
        return this;
    }

    /// <summary>
    /// Refuses to send, publish or reply a message type that neither the endpoint nor one of its handlers declared, so the
    /// declarations the topology (and terraform) is derived from cannot fall behind the code. See docs/topology.md.
    /// </summary>
    public EndpointConfiguration RequireDeclaredMessages()
    {
        RequiresDeclaredMessages = true;
        return this;
    }

    public EndpointConfiguration RegisterHandler<THandler>() => RegisterHandler(typeof(THandler));

    public EndpointConfiguration RegisterHandler(Type handlerType)
    {
        if (!HandlerRegistry.IsHandler(handlerType))
        {
            throw new ArgumentException($"{handlerType.FullName} does not implement IHandleMessages<T>.", nameof(handlerType));
        }

        handlerTypes.Add(handlerType);
        return this;
    }
}
