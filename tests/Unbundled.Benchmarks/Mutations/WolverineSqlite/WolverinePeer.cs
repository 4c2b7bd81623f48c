using Microsoft.Extensions.DependencyInjection;
using Unbundled.Domain.Events;
using Unbundled.Messaging;
using Unbundled.Ports;
using Wolverine;
using Wolverine.Sqlite;

namespace Unbundled.Benchmarks.Mutations.WolverineSqlite;

/// <summary>
/// The same flow on Wolverine with its SQLite inbox and outbox, in the API's process: the Customers handler on a durable
/// local queue (or invoked inline), its claim and outbox in one SQLite transaction, the event through the outbox to the
/// projector's durable local queue, the view in the same SQLite file. Wolverine's defaults otherwise (System.Text.Json,
/// its local queues' parallelism), in solo mode: one node, nothing to elect.
/// </summary>
internal static class WolverinePeer
{
    public const string CustomersQueue = "customers";
    public const string ProjectorQueue = "projector";
    public const string RepliesQueue = "api-replies";

    public enum Mode
    {
        /// <summary>The command is stored on the Customers handler's durable local queue; the reply is awaited.</summary>
        Durable,

        /// <summary>The command is invoked inline; only the event is durable.</summary>
        Invoke,
    }

    public static Action<IServiceCollection, SystemArguments> For(Mode mode) => (services, arguments) =>
    {
        var database = PeerDatabase.Create(arguments.DataPath);
        services.AddSingleton(database);
        services.AddSingleton<ICustomerViews>(provider =>
            new NotifyingCustomerViews(new PeerCustomerViews(database), provider.GetRequiredService<ViewChanges>()));
        services.AddSingleton(new PeerCommandPath(Inline: mode == Mode.Invoke));
        services.AddSingleton<PendingReplies>();
        services.AddSingleton<IMessageSession>(provider =>
            new WolverineMessageSession(provider.GetRequiredService<IMessageBus>(), provider.GetRequiredService<PendingReplies>(), mode));
        services.AddWolverine(options =>
        {
            options.Durability.Mode = DurabilityMode.Solo;
            options.Discovery.DisableConventionalDiscovery()
                .IncludeType(typeof(InviteCustomerHandler))
                .IncludeType(typeof(CustomerInvitedHandler))
                .IncludeType(typeof(InviteCustomerReplyHandler));
            options.PersistMessagesWithSqlite(database);
            options.LocalQueue(CustomersQueue).UseDurableInbox();
            options.PublishMessage<CustomerInvited>().ToLocalQueue(ProjectorQueue).UseDurableInbox();
            // Replies are not stored, as ours are not: the request waiting for one lives in memory too.
            options.PublishMessage<InviteCustomerReply>().ToLocalQueue(RepliesQueue);
        });
    };
}
