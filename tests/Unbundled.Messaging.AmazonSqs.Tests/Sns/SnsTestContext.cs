using Amazon.SQS;
using Unbundled.Messaging.AmazonSqs.Sns;
using Unbundled.Testing.Aws;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

/// <summary>Per-test SQS and SNS clients against the shared emulators, and a name prefix no other test uses.</summary>
public abstract class SnsTestContext(AwsEmulatorsFixture aws) : IClassFixture<AwsEmulatorsFixture>, IDisposable
{
    private readonly Lazy<AmazonSQSClient> sqs = new(aws.Emulators.CreateSqsClient);
    private readonly Lazy<SnsClient> sns = new(() => aws.Emulators.CreateSnsClient());

    protected string Prefix { get; } = NamePrefix.Create();

    protected AwsEmulators Emulators => aws.Emulators;

    internal AmazonSQSClient Sqs => sqs.Value;

    internal SnsClient Sns => sns.Value;

    public void Dispose()
    {
        if (sqs.IsValueCreated)
        {
            sqs.Value.Dispose();
        }

        if (sns.IsValueCreated)
        {
            sns.Value.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
