using Microsoft.Extensions.DependencyInjection;
using Unbundled.Lambda.Sqs;
using Unbundled.Messaging;
using Unbundled.Messaging.InProcess;

namespace Unbundled.Shell;

/// <summary>
/// The AWS shell inside a Lambda function (<c>--shell lambda</c>): the same transport, persistence and ports, with the
/// endpoint's main queue received by the event source mapping; the function hands each SQS event to the
/// <see cref="LambdaSqsTransport"/> kept in DI under the endpoint's name (docs/lambda.md).
/// </summary>
internal static class LambdaShell
{
    public static void Use(IServiceCollection services, EndpointConfiguration endpoint, ShellOptions shell, ProcessScope process)
    {
        LambdaSqsTransport? function = null;
        AwsShell.Use(services, endpoint, shell, process, standIns: null, wrap: sqs => function = new LambdaSqsTransport(sqs) { ReplyWait = () => endpoint.DefaultRequestTimeout });
        services.AddKeyedSingleton(endpoint.EndpointName, function!);
    }
}
