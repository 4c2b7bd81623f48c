using System.Collections.Concurrent;
using System.Data;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Unbundled.Domain.Customers;
using Unbundled.Ports;

namespace Unbundled.Persistence.DynamoDB;

/// <summary>
/// The customers read model, one item per customer with a <c>Version</c>. <see cref="Save"/> is a put on condition that the
/// version is still the one <see cref="Find"/> read, so of two concurrent projections of different events for one customer
/// the second fails and is retried: it reads the view with the first event in it and folds its own on top, and nothing is
/// lost (<see cref="ICustomerViews"/>'s contract). Scoped (one per message or request): an instance remembers the
/// versions it read.
/// </summary>
public sealed class DynamoDbCustomerViews(DynamoDbTable table) : ICustomerViews
{
    /// <summary>What <see cref="Save"/> calls: a conditional PutItem (reads go through the table's shared reads).</summary>
    public static IEnumerable<string> SaveActions => ["dynamodb:PutItem"];

    private const string Email = "Email";
    private const string Invited = "Invited";
    private const string InvitedAt = "InvitedAt";
    private const string AppliedEventIds = "AppliedEventIds";
    private const string Version = "Version";

    private readonly ConcurrentDictionary<Guid, long> versionsRead = new();

    public async Task<CustomerView?> Find(Guid customerId, CancellationToken cancellationToken)
    {
        if (await table.Read(ItemKeys.CustomerView(customerId), cancellationToken) is not { } item)
        {
            versionsRead[customerId] = 0;
            return null;
        }

        versionsRead[customerId] = long.Parse(item[Version].N, CultureInfo.InvariantCulture);
        return new CustomerView(
            customerId,
            item[Email].S,
            item[Invited].BOOL == true,
            item.TryGetValue(InvitedAt, out var invitedAt) ? DateTimeOffset.ParseExact(invitedAt.S, "O", CultureInfo.InvariantCulture) : null,
            [.. (item[AppliedEventIds].L ?? []).Select(id => Guid.Parse(id.S))]);
    }

    /// <exception cref="DBConcurrencyException">The view changed since this instance read it (or was created, if it read none).</exception>
    public async Task Save(CustomerView view, CancellationToken cancellationToken)
    {
        var expected = versionsRead.GetValueOrDefault(view.Id);
        var item = ItemKeys.CustomerView(view.Id);
        item[Email] = new AttributeValue { S = view.Email };
        item[Invited] = new AttributeValue { BOOL = view.Invited };
        if (view.InvitedAt is { } at)
        {
            item[InvitedAt] = new AttributeValue { S = at.ToString("O", CultureInfo.InvariantCulture) };
        }

        item[AppliedEventIds] = new AttributeValue { L = [.. view.AppliedEventIds.Select(id => new AttributeValue { S = id.ToString("D") })] };
        item[Version] = new AttributeValue { N = (expected + 1).ToString(CultureInfo.InvariantCulture) };

        var request = new PutItemRequest { TableName = table.Name, Item = item };
        if (expected == 0)
        {
            request.ConditionExpression = "attribute_not_exists(PK)";
        }
        else
        {
            request.ConditionExpression = "#version = :expected";
            request.ExpressionAttributeNames = new Dictionary<string, string> { ["#version"] = Version };
            request.ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":expected"] = new() { N = expected.ToString(CultureInfo.InvariantCulture) },
            };
        }

        try
        {
            await table.Client.PutItemAsync(request, cancellationToken);
        }
        catch (ConditionalCheckFailedException e)
        {
            versionsRead.TryRemove(view.Id, out _);
            throw new DBConcurrencyException(
                $"Customer view {view.Id} changed since version {expected} was read; the event is retried and folded into the newer view.", e);
        }

        versionsRead[view.Id] = expected + 1;
    }
}
