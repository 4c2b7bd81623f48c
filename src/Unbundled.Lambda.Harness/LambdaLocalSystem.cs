using Amazon.Runtime;
using Amazon.SQS;
using Microsoft.Extensions.Logging;
using Unbundled.Lambda.Harness.EventSources;
using Unbundled.Lambda.Harness.Http;

namespace Unbundled.Lambda.Harness;

/// <summary>
/// The system's three functions here, on the stand-ins: Customers and Projector fed by event source mappings on their
/// queues, the API behind a function URL. Customers and Projector run their init first (their installers create the
/// queues, the topic, its subscription and the table the mappings read), as provisioned concurrency would.
/// </summary>
public sealed class LambdaLocalSystem : IAsyncDisposable
{
    private readonly List<LocalFunction> functions = [];
    private readonly List<SqsEventSourceMapping> mappings = [];
    private FunctionUrlFront? front;

    private LambdaLocalSystem()
    {
    }

    /// <summary>The function URL of the API.</summary>
    public Uri ApiAddress => front!.Address;

    public static Task<LambdaLocalSystem> Start(LambdaLocalOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default) =>
        Started(async system =>
        {
            var customers = system.Add(options.Function("customers", "Unbundled.Customers"), loggerFactory);
            var projector = system.Add(options.Function("projector", "Unbundled.Projector"), loggerFactory);
            var api = system.Add(options.Function("api", "Unbundled.Api"), loggerFactory);
            // Subscribers first: an event published before its topic has subscribers is dropped. One environment per
            // poller of their mappings, so that no batch waits for a cold start (provisioned concurrency, here only).
            for (var i = 0; i < options.EventSource.MaximumConcurrency; i++)
            {
                await customers.Prewarm(cancellationToken);
                await projector.Prewarm(cancellationToken);
            }

            using var sqs = new AmazonSQSClient(new BasicAWSCredentials("local", "local"), new AmazonSQSConfig
            {
                ServiceURL = options.SqsServiceUrl.ToString(),
                AuthenticationRegion = options.Region,
            });
            foreach (var (function, queue) in new[] { (customers, "Unbundled-Customers"), (projector, "Unbundled-Projector") })
            {
                var url = (await sqs.GetQueueUrlAsync(options.NamePrefix + queue, cancellationToken)).QueueUrl;
                var mapping = new SqsEventSourceMapping(options.CreateSqsClient(), url, function, options.EventSource, loggerFactory.CreateLogger<SqsEventSourceMapping>());
                await mapping.Start(cancellationToken);
                system.mappings.Add(mapping);
            }

            await api.Prewarm(cancellationToken);
            system.front = await FunctionUrlFront.Start(api, options.ApiPort);
        });

    /// <summary>
    /// The API function alone behind its function URL, for endpoints that run elsewhere (or not at all: a test of what
    /// the API answers when nobody replies). The queues it sends to must exist.
    /// </summary>
    public static Task<LambdaLocalSystem> StartApi(LambdaLocalOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default) =>
        Started(async system =>
        {
            var api = system.Add(options.Function("api", "Unbundled.Api"), loggerFactory);
            await api.Prewarm(cancellationToken);
            system.front = await FunctionUrlFront.Start(api, options.ApiPort);
        });

    /// <summary>A system that fails to start leaves nothing running.</summary>
    private static async Task<LambdaLocalSystem> Started(Func<LambdaLocalSystem, Task> start)
    {
        var system = new LambdaLocalSystem();
        try
        {
            await start(system);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (front is not null)
        {
            await front.DisposeAsync();
        }

        foreach (var mapping in mappings)
        {
            await mapping.DisposeAsync();
        }

        foreach (var function in functions)
        {
            await function.DisposeAsync();
        }
    }

    private LocalFunction Add(FunctionDefinition definition, ILoggerFactory loggerFactory)
    {
        var function = new LocalFunction(definition, loggerFactory);
        functions.Add(function);
        return function;
    }
}
