using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Unbundled.Messaging.ServicePlatform;

namespace Unbundled.Persistence.DynamoDB;

/// <summary>
/// Each endpoint's last heartbeat and check results as one item of the table (<c>STATUS#{endpoint}</c>), put whole with
/// every report it sends: 6 heartbeats a minute per endpoint, ≈ 260,000 writes a month (≈ $0.32 on demand), and one per
/// check result (docs/operations.md).
/// The API's <c>/ops</c> page reads the items by key.
/// </summary>
public sealed class DynamoDbEndpointStatus(DynamoDbTable table) : IEndpointStatusStore
{
    public Task Save(EndpointStatus status, CancellationToken cancellationToken = default)
    {
        var item = ItemKeys.EndpointStatus(status.Endpoint);
        item["HostId"] = new AttributeValue { S = status.HostId };
        item["Host"] = new AttributeValue { S = status.Host };
        item["LastHeartbeat"] = new AttributeValue { S = status.LastHeartbeat.ToString("O", CultureInfo.InvariantCulture) };
        item["Checks"] = new AttributeValue { S = JsonSerializer.Serialize(status.Checks) };
        return table.Overwrite(item, cancellationToken);
    }

    public async Task<IReadOnlyList<EndpointStatus>> Read(IReadOnlyList<string> endpoints, CancellationToken cancellationToken = default)
    {
        var items = await Task.WhenAll(endpoints.Select(endpoint => table.Read(ItemKeys.EndpointStatus(endpoint), cancellationToken)));
        return [.. endpoints.Zip(items).Where(pair => pair.Second is not null).Select(pair => new EndpointStatus(
            pair.First,
            pair.Second!["HostId"].S,
            pair.Second["Host"].S,
            DateTimeOffset.Parse(pair.Second["LastHeartbeat"].S, CultureInfo.InvariantCulture),
            JsonSerializer.Deserialize<List<CheckStatus>>(pair.Second["Checks"].S) ?? []))];
    }
}
