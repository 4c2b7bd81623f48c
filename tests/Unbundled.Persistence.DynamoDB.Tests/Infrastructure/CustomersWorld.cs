using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Customers.Handlers;
using Unbundled.Domain.Commands;
using Unbundled.Domain.Messages;
using Unbundled.Messaging;
using Unbundled.Messaging.Embedded;
using Unbundled.Messaging.Hosting;
using Unbundled.Messaging.Outbox;
using Unbundled.Messaging.Transport;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Persistence.DynamoDB.Tests.Infrastructure;

/// <summary>
/// The Customers endpoint as the AWS shell runs it (the real InviteCustomerHandler, DynamoDB email claims, the outbox on
/// this persistence) on the embedded transport in a temp folder, with a subscriber to CustomerInvited and spies on the
/// requester's queue and the audit queue. Each test gets its own folder and table.
/// </summary>
public sealed class CustomersWorld : IAsyncDisposable
{
    public const string Customers = "Customers";
    public const string Requester = "Requester";

    private readonly List<IHost> hosts = [];

    private CustomersWorld(string root, EmulatorTable table, QueueSpy replies, QueueSpy audit)
    {
        Root = root;
        Table = table;
        Replies = replies;
        Audit = audit;
        Persistence = new DynamoDbPersistence(table.Table);
    }

    /// <summary>The embedded transport's folder: every queue of the test.</summary>
    public string Root { get; }

    public EmulatorTable Table { get; }

    public DynamoDbPersistence Persistence { get; }

    public IOutboxStorage Outbox => Persistence.CreateOutboxStorage(Customers);

    public EmailClaimsProbe Claims { get; } = new();

    /// <summary>The CustomerInvited events the subscriber received.</summary>
    public Observations Published { get; } = new();

    public QueueSpy Replies { get; }

    /// <summary>One message per delivery the Customers endpoint finished, handled or recognised as a duplicate.</summary>
    public QueueSpy Audit { get; }

    public static async Task<CustomersWorld> Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "unbundled-dynamodb-tests", Guid.NewGuid().ToString("N"));
        var table = await EmulatorTable.Create();
        await table.Table.Install();
        var replies = await QueueSpy.Start(new FileSystemTransport(root), Requester);
        var audit = await QueueSpy.Start(new FileSystemTransport(root), "audit");
        return new CustomersWorld(root, table, replies, audit);
    }

    /// <summary>Starts the subscriber, then the Customers endpoint; request counts start after their installers ran.</summary>
    /// <param name="firstPublishDelay">Holds the Customers endpoint's first dispatch that publishes for this long.</param>
    public async Task Start(int immediateRetries = 0, TimeSpan? firstPublishDelay = null)
    {
        TransportDefinition transport = new FileSystemTransport(Root);
        if (firstPublishDelay is { } delay)
        {
            transport = new SlowFirstPublishTransport(transport, delay);
        }

        await StartHost(builder =>
        {
            builder.Services.AddSingleton(Published).AddSingleton(new EndpointLabel("Subscriber"));
            builder.Services.AddMessagingEndpoint(new EndpointConfiguration("Subscriber")
                .UseTransport(new FileSystemTransport(Root))
                .EnableInstallers()
                .RegisterHandler<CustomerInvitedRecorder>());
        });

        var customers = new EndpointConfiguration(Customers)
            .UseTransport(transport)
            .UsePersistence(Persistence)
            .EnableOutbox()
            .EnableInstallers()
            .LimitMessageProcessingConcurrencyTo(4)
            .AuditProcessedMessagesTo("audit")
            .RegisterHandler<InviteCustomerHandler>();
        customers.Recoverability.Immediate(immediateRetries).Delayed(0);
        await StartHost(builder =>
        {
            builder.Services.AddScoped(provider => Claims.Wrap(new DynamoDbEmailClaims(provider.GetRequiredService<ISynchronizedStorageSession>())));
            builder.Services.AddMessagingEndpoint(customers);
        });
        Table.Requests.Clear();
    }

    /// <summary>Puts the command in the Customers queue as a requester would send it, with the given message id.</summary>
    public async Task Deliver(InviteCustomer command, string messageId)
    {
        var transport = new FileSystemTransport(Root);
        var host = new HostSettings("Requester", Environment.MachineName, true, (_, _) => { }, NullLoggerFactory.Instance);
        var infrastructure = await transport.Initialize(host, [], [Customers]);
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = messageId,
            [Headers.EnclosedMessageTypes] = typeof(InviteCustomer).AssemblyQualifiedName!,
            [Headers.ContentType] = "application/json",
            [Headers.MessageIntent] = "Send",
            [Headers.ReplyToAddress] = Requester,
        };
        await infrastructure.Dispatcher.Dispatch(new TransportOperations(new UnicastTransportOperation(
            new OutgoingMessage(messageId, headers, JsonSerializer.SerializeToUtf8Bytes(command)), Customers, DispatchProperties.None)));
        await infrastructure.Shutdown();
    }

    public async Task<InviteCustomerResponse> NextReply(TimeSpan? timeout = null) =>
        JsonSerializer.Deserialize<InviteCustomerResponse>((await Replies.Next(timeout)).Body.Span)!;

    public Task<IReadOnlyList<Dictionary<string, AttributeValue>>> ClaimItems() => Table.Items("CLAIM#");

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await host.StopAsync(grace.Token);
            host.Dispose();
        }

        await Replies.DisposeAsync();
        await Audit.DisposeAsync();
        await Table.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    private async Task StartHost(Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        configure(builder);
        var host = builder.Build();
        await host.StartAsync();
        hosts.Add(host);
    }
}
