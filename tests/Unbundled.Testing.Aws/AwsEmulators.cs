using Amazon;
using Amazon.Runtime;
using Amazon.SQS;
using Unbundled.Aws;
using Unbundled.LocalAws;
using Unbundled.Messaging.AmazonSqs;
using Unbundled.Messaging.AmazonSqs.Sns;

namespace Unbundled.Testing.Aws;

/// <summary>
/// fauxqs (SQS and SNS on one port) and dynalite (DynamoDB, in memory), started once per test process on free loopback ports.
/// Tests keep apart by naming their queues and topics with a <see cref="NamePrefix"/>.
/// </summary>
/// <remarks>The processes are killed when the test process exits (or dies: see <see cref="EmulatorProcess"/>), or on <see cref="Dispose"/>.</remarks>
public sealed class AwsEmulators : IDisposable
{
    public static readonly RegionEndpoint Region = RegionEndpoint.USEast1;

    private static readonly Lazy<Task<AwsEmulators>> SharedInstance = new(StartShared);

    private readonly LocalAwsStandIns standIns;

    private AwsEmulators(LocalAwsStandIns standIns) => this.standIns = standIns;

    /// <summary>Neither emulator checks signatures (dynalite only wants one present), so any key will do.</summary>
    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials("test", "test");

    public Uri SqsServiceUrl => standIns.SqsServiceUrl;

    /// <summary>fauxqs serves SNS on the SQS port: form-urlencoded requests go to SNS, JSON ones to SQS.</summary>
    public Uri SnsServiceUrl => standIns.SnsServiceUrl;

    public Uri DynamoDbServiceUrl => standIns.DynamoDbServiceUrl;

    /// <summary>The emulators for this test process, started on first use.</summary>
    public static Task<AwsEmulators> Shared() => SharedInstance.Value;

    /// <summary>Points any SDK client config (SQS, DynamoDB, ...) at <paramref name="serviceUrl"/>, signing for <see cref="Region"/>.</summary>
    public static TConfig PointAt<TConfig>(TConfig config, Uri serviceUrl)
        where TConfig : ClientConfig => AwsEndpoints.PointAt(config, serviceUrl, Region);

    /// <summary>An SQS transport on these emulators whose queues and topics carry <paramref name="prefix"/>.</summary>
    public SqsTransport CreateTransport(string prefix, TimeProvider? time = null, bool unrestrictedDelayedDelivery = true) => new(Credentials, Region)
    {
        QueueNamePrefix = prefix,
        TopicNamePrefix = prefix,
        SqsServiceUrl = SqsServiceUrl,
        SnsServiceUrl = SnsServiceUrl,
        TimeProvider = time ?? TimeProvider.System,
        EnableUnrestrictedDelayedDelivery = unrestrictedDelayedDelivery,
    };

    public AmazonSQSClient CreateSqsClient() => new(Credentials, PointAt(new AmazonSQSConfig(), SqsServiceUrl));

    /// <param name="transport">The handler below signing, e.g. one that records requests.</param>
    internal SnsClient CreateSnsClient(HttpMessageHandler? transport = null) =>
        new(Credentials, Region, SnsServiceUrl, transport: transport);

    public void Dispose() => standIns.Dispose();

    /// <summary>Starts both emulators; a test that owns them disposes them, the shared ones go at process exit.</summary>
    public static async Task<AwsEmulators> Start(CancellationToken cancellationToken = default) =>
        new(await LocalAwsStandIns.Start(cancellationToken));

    private static async Task<AwsEmulators> StartShared()
    {
        var emulators = await Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => emulators.Dispose();
        return emulators;
    }
}
