using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Unbundled.AppHost;

namespace Unbundled.Api.Tests.Infrastructure;

/// <summary>
/// The whole system as the AppHost composes it (API, Customers and Projector, each on its own host) on the embedded shell,
/// in a fresh data folder, with the API on a free loopback port. A test class gets one through <c>IClassFixture</c>; a
/// subclass passes settings of its own (as a command line would) or changes the API's services.
/// </summary>
public class RunningSystem : IAsyncLifetime
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), $"unbundled-api-tests-{Guid.NewGuid():N}");
    private readonly string[] settings;
    private UnbundledSystem? system;

    public RunningSystem()
        : this([])
    {
    }

    protected RunningSystem(params string[] settings) => this.settings = settings;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        system = UnbundledSystem.Build(
        [
            "--data-path", dataPath,
            "--urls", "http://127.0.0.1:0",
            // Warnings and errors still show; the three hosts' start-up lines would drown the test output.
            "--Logging:LogLevel:Default", "Warning",
            .. settings,
        ], ConfigureApi);
        await system.Start();
        BaseAddress = new Uri(system.Api.Urls.Single());
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (system is not null)
        {
            await system.Stop();
            await system.DisposeAsync();
        }

        // Pooled connections keep the database file open, which would stop the delete on Windows.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    protected virtual void ConfigureApi(WebApplicationBuilder api)
    {
    }
}
