using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.Messaging.Transport;
using Unbundled.Testing;
using Unbundled.Testing.Aws;

namespace Unbundled.AcceptanceTests.Aws;

/// <summary>
/// The system on the AWS shell as it is deployed: Api, Customers and Projector each as its own OS process with
/// <c>--shell aws</c>, pointed at the local SQS/SNS and DynamoDB stand-ins by the standard AWS environment variables.
/// A name prefix keeps each scenario class's queues, topics and table apart.
/// </summary>
public class AwsSystem : ISystemUnderTest
{
    private readonly string[] extraArguments;
    private readonly string prefix = NamePrefix.Create();
    private readonly int port = FreePort.Next();
    private readonly List<EndpointProcess> processes = [];
    private AwsEmulators? emulators;

    public AwsSystem()
        : this([])
    {
    }

    /// <param name="extraArguments">More of every endpoint's command line, after the usual.</param>
    protected AwsSystem(string[] extraArguments) => this.extraArguments = extraArguments;

    /// <summary>The shell options every endpoint of this system runs with.</summary>
    protected string[] ShellArguments => ["--shell", "aws", $"--Unbundled:NamePrefix={prefix}", .. extraArguments];

    /// <summary>The environment that points the programs at the stand-ins.</summary>
    protected Dictionary<string, string> Environment => EnvironmentFor(emulators!);

    public Uri ApiAddress => new($"http://127.0.0.1:{port}");

    public async Task InitializeAsync()
    {
        emulators = await AwsEmulators.Shared();

        // Subscribers first: an event published before its topic exists has no subscribers and is dropped.
        // Customers as deployed plus the fault injector the scenarios use (tests/Unbundled.Customers.TestHost); the
        // deployables refuse the setting, which is a development feature.
        processes.Add(await Start(
            "Unbundled.Customers.TestHost", "Endpoint Unbundled.Customers started", $"--Unbundled:FailOnceDomain={ISystemUnderTest.FailOnceDomain}"));
        processes.Add(await Start("Unbundled.Projector.Host", "Endpoint Unbundled.Projector started"));
        processes.Add(await Start("Unbundled.Api", "Now listening on", "--urls", ApiAddress.ToString()));
    }

    /// <summary>Stops the processes as an orchestrator would (SIGTERM, all at once) and starts them again.</summary>
    public async Task Restart()
    {
        await Task.WhenAll(processes.Select(process => process.Stop().AsTask()));
        processes.Clear();
        await InitializeAsync();
    }

    public TransportDefinition CreateTransport() => emulators!.CreateTransport(prefix);

    /// <summary>At the end of the scenarios nothing is worth a graceful stop: the processes are killed.</summary>
    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        processes.Clear();
    }

    private Task<EndpointProcess> Start(string project, string readyLine, params string[] extraArguments)
    {
        string[] arguments =
        [
            .. ShellArguments,
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Unbundled.Messaging=Information",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            .. extraArguments,
        ];
        return EndpointProcess.Start(project, arguments, EnvironmentFor(emulators!), readyLine);
    }

    /// <summary>The standard AWS variables that point a program's SDK clients at the stand-ins.</summary>
    internal static Dictionary<string, string> EnvironmentFor(AwsEmulators emulators) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_REGION"] = AwsEmulators.Region.SystemName,
        ["AWS_ENDPOINT_URL_SQS"] = emulators.SqsServiceUrl.ToString(),
        ["AWS_ENDPOINT_URL_SNS"] = emulators.SnsServiceUrl.ToString(),
        ["AWS_ENDPOINT_URL_DYNAMODB"] = emulators.DynamoDbServiceUrl.ToString(),
    };
}
