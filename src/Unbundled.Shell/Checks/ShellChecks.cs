using Unbundled.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Unbundled.Messaging;
using Unbundled.Messaging.AmazonSqs;
using Unbundled.Messaging.AmazonSqs.Checks;
using Unbundled.Messaging.CustomChecks;
using Unbundled.Messaging.Embedded;
using Unbundled.Persistence.DynamoDB;
using Unbundled.Persistence.DynamoDB.Checks;

namespace Unbundled.Shell.Checks;

/// <summary>
/// The custom checks each endpoint runs (README "Operations"): its queue and its database reachable, the error queue
/// empty, and for the API its reply queue there. Each goes to ServiceControl and feeds <c>/health</c>; a full error
/// queue only degrades the health, since the system still works.
/// </summary>
internal static class ShellChecks
{
    /// <summary>How often the periodic checks run.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public static void AddEmbeddedChecks(IServiceCollection services, EndpointConfiguration endpoint, FileSystemTransport transport, string databasePath)
    {
        Add(services, endpoint, new QueueFolderWritable(transport, endpoint.EndpointName), HealthStatus.Unhealthy);
        Add(services, endpoint, new SqliteFileWritable(databasePath), HealthStatus.Unhealthy);
        Add(services, endpoint, new ErrorQueueFolderEmpty(transport, endpoint.ErrorQueue), HealthStatus.Degraded);
        if (endpoint.EndpointName == EndpointNames.Api)
        {
            Add(services, endpoint, new ReplyQueueFolderExists(transport, endpoint), HealthStatus.Unhealthy);
        }
    }

    /// <summary>The same checks on SQS and DynamoDB; the calls they make are granted by docs/topology.md's runtime grants.</summary>
    /// <param name="periodic">
    /// Run on their interval and report to ServiceControl; false for a Lambda function, which is frozen between
    /// invocations: there the checks answer <c>/health</c> only, when asked.
    /// </param>
    public static void AddAwsChecks(IServiceCollection services, EndpointConfiguration endpoint, SqsTransport transport, DynamoDbTable table, bool periodic)
    {
        Add(services, endpoint, SqsQueueReachable.MainQueueOf(transport, endpoint, Interval), HealthStatus.Unhealthy, periodic);
        Add(services, endpoint, new DynamoDbTableActive(table, Interval), HealthStatus.Unhealthy, periodic);
        Add(services, endpoint, new SqsQueueEmpty(transport, endpoint.ErrorQueue, Interval), HealthStatus.Degraded, periodic);
        // A function's environment creates its reply queue on its first request (docs/lambda.md): none yet is no fault.
        if (endpoint.EndpointName == EndpointNames.Api && periodic)
        {
            Add(services, endpoint, SqsQueueReachable.InstanceQueueOf(transport, endpoint, Interval), HealthStatus.Unhealthy);
        }
    }

    private static void Add(IServiceCollection services, EndpointConfiguration endpoint, CustomCheck check, HealthStatus failureStatus, bool periodic = true)
    {
        if (periodic)
        {
            endpoint.AddCustomCheck(check);
        }

        services.AddHealthChecks().Add(new HealthCheckRegistration($"{endpoint.EndpointName}: {check.Id}", _ => new CustomCheckHealth(check), failureStatus, tags: null));
    }
}
