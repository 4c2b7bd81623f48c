using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.Lambda.Harness;
using Unbundled.LocalAws;
using Unbundled.Messaging.Transport;
using Unbundled.Testing.Aws;

namespace Unbundled.AcceptanceTests.Lambda;

/// <summary>
/// The system on the Lambda shell through the local harness: Customers, Projector and the API as functions (one
/// process per execution environment), the event source mappings on fauxqs and the function URL in front of the API.
/// </summary>
public sealed class LambdaSystem : ISystemUnderTest
{
    private readonly string prefix = NamePrefix.Create();
    private AwsEmulators? emulators;
    private LambdaLocalSystem? system;
    private int port;

    public Uri ApiAddress => system!.ApiAddress;

    /// <summary>The prefix of this system's queues, topic and table.</summary>
    public string Prefix => prefix;

    /// <summary>The functions' bootstrap with the development shell (the fault injector), as the AWS suite runs the Customers test host.</summary>
    public static string Bootstrap => Path.Combine(
        RepositoryLayout.Root, "tests", "Unbundled.Functions.TestHost", "bin", EndpointProcess.BuildConfiguration, "net10.0", "Unbundled.Functions.TestHost.dll");

    public async Task InitializeAsync()
    {
        emulators = await AwsEmulators.Shared();
        system = await LambdaLocalSystem.Start(new LambdaLocalOptions(Bootstrap, emulators.SqsServiceUrl, emulators.SnsServiceUrl, emulators.DynamoDbServiceUrl)
        {
            NamePrefix = prefix,
            ApiPort = port,
            InitTimeout = LoadedMachine.InitLimit,
            Settings = new Dictionary<string, string>
            {
                ["Unbundled__FailOnceDomain"] = ISystemUnderTest.FailOnceDomain,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        }, NullLoggerFactory.Instance);
        // A restart keeps the function URL, as a redeployment does.
        port = system.ApiAddress.Port;
    }

    /// <summary>Every execution environment goes (as after a deployment) and new ones start on the same data.</summary>
    public async Task Restart()
    {
        await system!.DisposeAsync();
        await InitializeAsync();
    }

    public TransportDefinition CreateTransport() => emulators!.CreateTransport(prefix);

    public async Task DisposeAsync()
    {
        if (system is not null)
        {
            await system.DisposeAsync();
        }
    }
}
