using Unbundled.Messaging.Topology;
using Unbundled.Persistence.DynamoDB.Batching;
using Unbundled.Persistence.DynamoDB.Checks;
using Unbundled.Persistence.DynamoDB.Outbox;
using Unbundled.Ports;
using static Unbundled.Messaging.Topology.GrantPhase;

namespace Unbundled.Persistence.DynamoDB.Topology;

/// <summary>
/// The table an endpoint uses and every call the persistence makes on it, from the actions each component declares next
/// to its calls: the outbox when the endpoint enables it, and the ports its handlers and services depend on.
/// </summary>
public static class DynamoDbTopology
{
    /// <summary>What each port's implementation calls. A claim is read through the session and written with its commit.</summary>
    private static readonly Dictionary<Type, (string By, IEnumerable<string> Actions)> PortCalls = new()
    {
        [typeof(IReadCustomerViews)] = (nameof(DynamoDbCustomerViews), ItemReads.Actions),
        [typeof(ICustomerViews)] = (nameof(DynamoDbCustomerViews), ItemReads.Actions.Concat(DynamoDbCustomerViews.SaveActions)),
        [typeof(IEmailClaims)] = (nameof(DynamoDbEmailClaims), ItemReads.Actions.Concat(DynamoDbStorageSession.CommitActions)),
    };

    /// <param name="ports">The port interfaces (Unbundled.Ports) the endpoint's components take; one this persistence does not implement fails.</param>
    /// <param name="customChecks">The endpoint runs <see cref="DynamoDbTableActive"/>.</param>
    public static PersistenceTopology Describe(string tableName, Arns arns, bool outbox, IEnumerable<Type> ports, bool customChecks = false)
    {
        var table = arns.Table(tableName);
        var grants = new List<Grant>();
        void Add(GrantPhase phase, string by, IEnumerable<string> actions) => grants.AddRange(actions.Select(action => new Grant(action, table, phase, by)));

        Add(Installers, nameof(TableInstaller), TableInstaller.Actions);
        if (outbox)
        {
            // Get reads the record, the commit puts it (with the decision), SetAsDispatched overwrites it with its marker.
            Add(Runtime, nameof(DynamoDbOutboxStorage), ItemReads.Actions);
            Add(Runtime, nameof(DynamoDbOutboxStorage), DynamoDbStorageSession.CommitActions);
            Add(Runtime, nameof(DynamoDbOutboxStorage), ItemPuts.Actions);
        }

        if (customChecks)
        {
            Add(Runtime, nameof(DynamoDbTableActive), DynamoDbTableActive.Actions);
        }

        foreach (var port in ports.Distinct())
        {
            if (!PortCalls.TryGetValue(port, out var calls))
            {
                throw new NotSupportedException($"The DynamoDB persistence does not say what {port.FullName} calls: declare it in {nameof(DynamoDbTopology)}.");
            }

            Add(Runtime, calls.By, calls.Actions);
        }

        return new PersistenceTopology([new TableResource(tableName, ItemKeys.PartitionKey, ItemKeys.SortKey, OutboxAttributes.ExpiresAt)], grants);
    }
}
