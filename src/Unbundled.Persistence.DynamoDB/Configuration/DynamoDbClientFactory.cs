using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Unbundled.Aws;

namespace Unbundled.Persistence.DynamoDB.Configuration;

/// <summary>A DynamoDB client as the environment describes it: credentials and region from the SDK's default chains.</summary>
public static class DynamoDbClientFactory
{
    public static IAmazonDynamoDB FromEnvironment() => new AmazonDynamoDBClient(Config(Environment.GetEnvironmentVariable));

    /// <summary>Points at the endpoint override when there is one (signing for the region), else at the region's endpoint.</summary>
    internal static AmazonDynamoDBConfig Config(Func<string, string?> readVariable)
    {
        var region = FallbackRegionFactory.GetRegionEndpoint()
            ?? throw new InvalidOperationException("No AWS region is configured: set AWS_REGION (or a region in the AWS profile).");
        return new AwsEndpoints(readVariable).Configure(new AmazonDynamoDBConfig(), AwsEndpoints.DynamoDb, region);
    }
}
