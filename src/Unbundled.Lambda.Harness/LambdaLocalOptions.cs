using Amazon.Runtime;
using Amazon.SQS;
using Unbundled.Lambda.Harness.EventSources;

namespace Unbundled.Lambda.Harness;

/// <summary>Where the stand-ins are, where the bootstrap is, and the settings of the functions as terraform deploys them.</summary>
/// <param name="Bootstrap">
/// The functions' <c>bootstrap.dll</c> (src/Unbundled.Functions' build output, run with <c>dotnet</c>), or a published
/// <c>bootstrap</c> executable (self-contained or Native AOT, run as it is).
/// </param>
public sealed record LambdaLocalOptions(string Bootstrap, Uri SqsServiceUrl, Uri SnsServiceUrl, Uri DynamoDbServiceUrl)
{
    public string Region { get; init; } = "us-east-1";

    public string NamePrefix { get; init; } = string.Empty;

    /// <summary>The API's port; 0 takes a free one.</summary>
    public int ApiPort { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The init limit of every environment: Lambda's 10 s, unless a test on a loaded machine needs more.</summary>
    public TimeSpan InitTimeout { get; init; } = FunctionDefinition.LambdaInitLimit;

    /// <summary>Environments per function at most (reserved concurrency); at least the mappings' maximum concurrency.</summary>
    public int MaxEnvironments { get; init; } = 4;

    /// <summary>
    /// As terraform sets them (batches of 10, no batching window, two at a time per mapping), except that the polls wait
    /// 2 s instead of Lambda's 20 s so that a stop waits out the polls under way quickly.
    /// </summary>
    public EventSourceMappingSettings EventSource { get; init; } = new(BatchSize: 10, MaximumConcurrency: 2, PollWait: TimeSpan.FromSeconds(2));

    /// <summary>More settings for every function, e.g. <c>Unbundled__FailOnceDomain</c> or log levels.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public AmazonSQSClient CreateSqsClient() =>
        new(new BasicAWSCredentials("local", "local"), new AmazonSQSConfig { ServiceURL = SqsServiceUrl.ToString(), AuthenticationRegion = Region });

    /// <summary>One of the system's functions (<paramref name="handler"/>: customers, projector or api) as the harness runs it.</summary>
    public FunctionDefinition Function(string handler, string name)
    {
        var environment = new Dictionary<string, string>(Settings)
        {
            ["_HANDLER"] = handler,
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
            ["AWS_REGION"] = Region,
            ["AWS_ENDPOINT_URL_SQS"] = SqsServiceUrl.ToString(),
            ["AWS_ENDPOINT_URL_SNS"] = SnsServiceUrl.ToString(),
            ["AWS_ENDPOINT_URL_DYNAMODB"] = DynamoDbServiceUrl.ToString(),
            ["Unbundled__NamePrefix"] = NamePrefix,
        };
        var definition = Bootstrap.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new FunctionDefinition(NamePrefix + name, "dotnet", [Bootstrap], environment, Timeout, MaxEnvironments)
            : new FunctionDefinition(NamePrefix + name, Bootstrap, [], environment, Timeout, MaxEnvironments);
        return definition with { InitTimeout = InitTimeout };
    }
}
