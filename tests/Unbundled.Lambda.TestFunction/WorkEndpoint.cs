using Unbundled.Lambda.Runtime;
using Unbundled.Lambda.Sqs;
using Unbundled.Messaging;
using Unbundled.Messaging.AmazonSqs;

namespace Unbundled.Lambda.TestFunction;

/// <summary>
/// The <c>work</c> endpoint as an SQS-fed function, on the stand-ins the harness's environment points at; its queues are
/// the test's to create (as terraform's are), so that the test can set their visibility timeout.
/// </summary>
public static class WorkEndpoint
{
    public const string Name = "work";

    public static async Task<IInvocationHandler> Start(CancellationToken cancellationToken)
    {
        var prefix = Environment.GetEnvironmentVariable("UNBUNDLED_TEST_PREFIX") ?? string.Empty;
        var transport = new LambdaSqsTransport(new SqsTransport
        {
            QueueNamePrefix = prefix,
            TopicNamePrefix = prefix,
            EnableUnrestrictedDelayedDelivery = false,
        });
        var configuration = new EndpointConfiguration(Name)
            .UseTransport(transport)
            .RegisterHandler<DoWorkHandler>()
            .LimitMessageProcessingConcurrencyTo(4);
        // Short delays, so that the delayed retries come back within a test: 1 s, then 2 s.
        configuration.Recoverability.Immediate(2).Delayed(2, TimeSpan.FromSeconds(1));
        await Endpoint.Start(configuration, null, cancellationToken);
        return new SqsEventFunction(transport);
    }
}
