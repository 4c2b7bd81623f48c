using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Unbundled.Aws;
using Unbundled.Messaging;
using Unbundled.Messaging.AmazonSqs;
using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.ServicePlatform;
using Unbundled.Messaging.Transport;
using Unbundled.Persistence.DynamoDB;
using Unbundled.Persistence.DynamoDB.Configuration;
using Unbundled.Ports;

namespace Unbundled.Shell;

/// <summary>
/// The production shell: SQS/SNS and DynamoDB. With <c>--shell aws</c> the AWS SDK's default chain gives credentials and
/// region, and <c>AWS_ENDPOINT_URL_SQS</c>/<c>_SNS</c>/<c>_DYNAMODB</c> may redirect the endpoints; with <c>aws-local</c> the
/// process starts the local stand-ins and points everything at them. <c>Unbundled:NamePrefix</c> prefixes every queue,
/// topic and table, so several systems can share an account.
/// </summary>
internal static class AwsShell
{
    private static readonly RegionEndpoint LocalRegion = RegionEndpoint.USEast1;
    private static readonly AWSCredentials LocalCredentials = new BasicAWSCredentials("local", "local");

    /// <param name="wrap">What the endpoint receives through instead of the SQS transport itself (the Lambda shell's event source).</param>
    public static void Use(
        IServiceCollection services, EndpointConfiguration endpoint, ShellOptions shell, ProcessScope process, AwsStandInUrls? standIns,
        Func<SqsTransport, TransportDefinition>? wrap = null)
    {
        // Long polls that end well within the handlers' share of the shutdown timeout (2 s of 3 s by default): a stop waits
        // them out instead of abandoning them to SQS, which would hand the next messages to the abandoned calls
        // (docs/stopping.md).
        // A function is frozen between invocations and cannot poll a -delay.fifo queue: it keeps to SQS's native delays.
        var sqs = Transport(shell, standIns, ReceiveWait(endpoint), unrestrictedDelayedDelivery: wrap is null);
        var transport = wrap is null ? sqs : wrap(sqs);
        // One table (its client and its request batchers) per process and table name: the endpoints of one process (the
        // AppHost runs three) share connections, and their reads and dispatched markers of the same moment share requests.
        var table = process.Shared($"{shell.TableName}|{standIns?.DynamoDbServiceUrl}", () =>
            new DynamoDbTable(standIns is null ? DynamoDbClientFactory.FromEnvironment() : LocalClient(standIns), shell.TableName));
        endpoint.UseTransport(transport).UsePersistence(new DynamoDbPersistence(table)).RecordStatusIn(new DynamoDbEndpointStatus(table));
        // A function is frozen between invocations: its checks cannot run on their interval, only answer /health.
        Checks.ShellChecks.AddAwsChecks(services, endpoint, sqs, table, periodic: wrap is null);

        services.TryAddSingleton(table);
        services.TryAddSingleton<IEndpointStatusStore>(new DynamoDbEndpointStatus(table));
        // Scoped: a view remembers the version it read, for its conditional save.
        services.TryAddScoped<ICustomerViews, DynamoDbCustomerViews>();
        services.TryAddScoped<IEmailClaims, DynamoDbEmailClaims>();
    }

    /// <summary>The endpoint as the AWS shell would run it, for its topology only: nothing reaches AWS, so nothing needs a region or credentials.</summary>
    public static void Describe(IServiceCollection services, EndpointConfiguration endpoint, ShellOptions shell)
    {
        endpoint.UseTransport(Transport(shell, standIns: null, ReceiveWait(endpoint)));
        services.TryAddScoped<ICustomerViews, DynamoDbCustomerViews>();
        services.TryAddScoped<IEmailClaims, DynamoDbEmailClaims>();
    }

    /// <summary>The transport of every endpoint of the shell; creating it reaches no AWS service.</summary>
    public static SqsTransport Transport(ShellOptions shell, AwsStandInUrls? standIns, TimeSpan receiveWait, bool unrestrictedDelayedDelivery = true) => standIns is null
        ? new SqsTransport
        {
            QueueNamePrefix = shell.QueueNamePrefix,
            TopicNamePrefix = shell.TopicNamePrefix,
            ReceiveWaitTime = receiveWait,
            EnableUnrestrictedDelayedDelivery = unrestrictedDelayedDelivery,
        }
        : new SqsTransport(LocalCredentials, LocalRegion)
        {
            QueueNamePrefix = shell.QueueNamePrefix,
            TopicNamePrefix = shell.TopicNamePrefix,
            ReceiveWaitTime = receiveWait,
            EnableUnrestrictedDelayedDelivery = unrestrictedDelayedDelivery,
            SqsServiceUrl = standIns.SqsServiceUrl,
            SnsServiceUrl = standIns.SnsServiceUrl,
        };

    private static TimeSpan ReceiveWait(EndpointConfiguration endpoint) =>
        TimeSpan.FromSeconds(Math.Clamp(Math.Floor(StopBudget.ForHandlers(endpoint.ShutdownTimeout).TotalSeconds) - 1, 1, 20));

    private static AmazonDynamoDBClient LocalClient(AwsStandInUrls standIns) =>
        new(LocalCredentials, AwsEndpoints.PointAt(new AmazonDynamoDBConfig(), standIns.DynamoDbServiceUrl, LocalRegion));
}
