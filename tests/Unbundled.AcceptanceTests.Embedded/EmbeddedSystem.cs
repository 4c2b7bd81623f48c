using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.AppHost;
using Unbundled.Messaging.Embedded;
using Unbundled.Messaging.Transport;
using Unbundled.Testing;

namespace Unbundled.AcceptanceTests.Embedded;

/// <summary>The system as <c>dotnet run --project src/Unbundled.AppHost</c> runs it, on a temp data folder and a free port.</summary>
public class EmbeddedSystem : ISystemUnderTest
{
    private readonly string[] extraArguments;
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "unbundled-acceptance", Guid.NewGuid().ToString("N"));
    private readonly int port = FreePort.Next();
    private UnbundledSystem? system;

    public EmbeddedSystem()
        : this([])
    {
    }

    /// <param name="extraArguments">More of the system's command line, after the usual.</param>
    protected EmbeddedSystem(string[] extraArguments) => this.extraArguments = extraArguments;

    /// <summary>The system's data folder (<c>--data-path</c>).</summary>
    protected string DataPath => dataPath;

    public Uri ApiAddress => new($"http://127.0.0.1:{port}");

    public async Task InitializeAsync()
    {
        system = UnbundledSystem.Build(
        [
            "--data-path", dataPath,
            "--urls", ApiAddress.ToString(),
            $"--Unbundled:FailOnceDomain={ISystemUnderTest.FailOnceDomain}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArguments,
        ]);
        await system.Start();
    }

    public async Task Restart()
    {
        await DisposeSystem();
        await InitializeAsync();
    }

    public TransportDefinition CreateTransport() => new FileSystemTransport(Path.Combine(dataPath, "queues"));

    public virtual async Task DisposeAsync()
    {
        await DisposeSystem();
        Directory.Delete(dataPath, recursive: true);
    }

    private async Task DisposeSystem()
    {
        if (system is not null)
        {
            await system.Stop();
            await system.DisposeAsync();
            system = null;
        }
    }
}
