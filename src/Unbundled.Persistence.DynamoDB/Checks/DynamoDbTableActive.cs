using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Unbundled.Messaging.CustomChecks;

namespace Unbundled.Persistence.DynamoDB.Checks;

/// <summary>
/// The endpoint reaches its persistence: <c>DescribeTable</c> answers and the table is ACTIVE, or UPDATING, in which
/// DynamoDB still serves reads and writes (docs/servicecontrol.md, "Custom checks").
/// </summary>
public sealed class DynamoDbTableActive(DynamoDbTable table, TimeSpan interval) : CustomCheck("DynamoDB table active", "Persistence", interval)
{
    /// <summary>What the check calls on the table.</summary>
    public static IEnumerable<string> Actions => ["dynamodb:DescribeTable"];

    public override async Task<CheckResult> PerformCheck(CancellationToken cancellationToken = default)
    {
        try
        {
            var status = (await table.Client.DescribeTableAsync(new DescribeTableRequest { TableName = table.Name }, cancellationToken)).Table.TableStatus;
            return status == TableStatus.ACTIVE || status == TableStatus.UPDATING
                ? CheckResult.Pass
                : CheckResult.Failed($"The table {table.Name} is {status}.");
        }
        catch (Exception exception) when (exception is AmazonDynamoDBException or HttpRequestException or ObjectDisposedException)
        {
            return CheckResult.Failed($"The table {table.Name} cannot be reached: {exception.Message}");
        }
    }
}
