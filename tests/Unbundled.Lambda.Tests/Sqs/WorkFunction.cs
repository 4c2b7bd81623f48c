using System.Collections.Concurrent;
using System.Globalization;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Lambda.Harness;
using Unbundled.Lambda.Harness.EventSources;
using Unbundled.Lambda.Tests.Runtime;
using Unbundled.Lambda.TestFunction;
using Unbundled.Lambda.TestFunction.Commands;
using Unbundled.Messaging;
using Unbundled.Messaging.AmazonSqs;
using Unbundled.Messaging.Transport;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Testing.Aws;
using Xunit;

namespace Unbundled.Lambda.Tests.Sqs;

/// <summary>
/// The test function's <c>work</c> endpoint on fauxqs, fed by the harness's event source mapping; its queues created as the
/// installers would, with the visibility timeout Lambda asks for (6 × the function timeout, docs/lambda.md#event-source-mapping):
/// a short function timeout brings an unfinished record back within the test.
/// </summary>
internal sealed class WorkFunction : IAsyncDisposable
{
    private readonly string attemptsFile = Path.Combine(Path.GetTempPath(), "unbundled-attempts-" + Guid.NewGuid().ToString("N"));

    private LocalFunction function = null!;
    private SqsEventSourceMapping mapping = null!;
    private string queueUrl = string.Empty;
    private IEndpointInstance sender = null!;

    public ConcurrentQueue<(IReadOnlyList<Message> Batch, InvocationResult Result)> Invocations { get; } = new();

    public QueueSpy Errors { get; private set; } = null!;

    public SqsTransport Transport { get; private set; } = null!;

    public static async Task<WorkFunction> Start(TimeSpan functionTimeout)
    {
        var emulators = await AwsEmulators.Shared();
        var prefix = NamePrefix.Create();
        var work = new WorkFunction();
        work.Transport = emulators.CreateTransport(prefix, unrestrictedDelayedDelivery: false);
        var host = new HostSettings("setup", Environment.MachineName, SetupInfrastructure: true, (_, _) => { }, NullLoggerFactory.Instance);
        await (await work.Transport.Initialize(host, [], [prefix + WorkEndpoint.Name, prefix + "error"])).Shutdown();
        using var sqs = emulators.CreateSqsClient();
        var queueUrl = work.queueUrl = (await sqs.GetQueueUrlAsync(prefix + WorkEndpoint.Name)).QueueUrl;
        await sqs.SetQueueAttributesAsync(queueUrl, new Dictionary<string, string> { ["VisibilityTimeout"] = ((int)functionTimeout.TotalSeconds * 6).ToString(CultureInfo.InvariantCulture) });

        work.Errors = await QueueSpy.Start(work.Transport, "error");
        work.function = TestFunctions.With("work-endpoint", functionTimeout, environment: new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_SQS"] = emulators.SqsServiceUrl.ToString(),
            ["AWS_ENDPOINT_URL_SNS"] = emulators.SnsServiceUrl.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["AWS_REGION"] = AwsEmulators.Region.SystemName,
            ["UNBUNDLED_TEST_PREFIX"] = prefix,
            ["UNBUNDLED_TEST_ATTEMPTS"] = work.attemptsFile,
        });
        work.mapping = new SqsEventSourceMapping(emulators.CreateSqsClient(), queueUrl, work.function,
            new EventSourceMappingSettings(BatchSize: 10, MaximumBatchingWindow: TimeSpan.FromSeconds(1), PollWait: TimeSpan.FromSeconds(1)));
        work.mapping.Invoked += (batch, result) => work.Invocations.Enqueue((batch, result));

        var senderConfiguration = new EndpointConfiguration("work-sender").SendOnly().UseTransport(work.Transport);
        senderConfiguration.Routing.RouteToEndpoint(typeof(DoWork), WorkEndpoint.Name);
        work.sender = await Endpoint.Start(senderConfiguration);
        return work;
    }

    /// <summary>Sends the commands together, then starts the event source, so that they make one batch.</summary>
    public async Task SendThenPoll(params DoWork[] commands)
    {
        foreach (var command in commands)
        {
            await sender.Send(command);
        }

        await mapping.Start();
    }

    public int Attempts(string id) => AttemptsOf(id).Count;

    /// <summary>The handler's attempts at the work with this id, in order (see <c>DoWorkHandler</c>).</summary>
    public IReadOnlyList<Attempt> AttemptsOf(string id) => !File.Exists(attemptsFile) ? [] :
    [
        .. File.ReadAllLines(attemptsFile)
            .Select(line => line.Split(' '))
            .Where(fields => fields[0] == id)
            .Select(fields => new Attempt(fields[1], int.Parse(fields[2], CultureInfo.InvariantCulture), DateTimeOffset.Parse(fields[3], CultureInfo.InvariantCulture))),
    ];

    /// <summary>Waits until the work queue holds nothing, in flight or visible: every record deleted.</summary>
    public async Task UntilTheQueueIsEmpty(TimeSpan timeout)
    {
        using var sqs = (await AwsEmulators.Shared()).CreateSqsClient();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var attributes = (await sqs.GetQueueAttributesAsync(queueUrl, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"])).Attributes;
            if (attributes.Values.All(count => count == "0"))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the work queue still holds messages: {string.Join(", ", attributes)}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await mapping.DisposeAsync();
        await function.DisposeAsync();
        await sender.Stop();
        await Errors.DisposeAsync();
        File.Delete(attemptsFile);
    }
}

/// <summary>One attempt of the handler: the message's id, the delayed retries it had had, and when it began.</summary>
internal sealed record Attempt(string MessageId, int DelayedRetries, DateTimeOffset At);
