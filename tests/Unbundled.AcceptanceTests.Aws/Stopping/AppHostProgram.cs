using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.Testing;
using Unbundled.Testing.Aws;

namespace Unbundled.AcceptanceTests.Aws.Stopping;

/// <summary>
/// The AppHost (API, Customers and Projector in one process) as its own OS process, on a data folder, a port and a name
/// prefix of its own, so that it can be stopped and started again on the same data. <c>aws</c> runs it on this test
/// process's stand-ins, which outlive it; <c>aws-local</c> starts stand-ins of its own; <c>embedded</c> needs none.
/// </summary>
internal sealed class AppHostProgram(string shell) : IDisposable
{
    private readonly string dataPath = Directory.CreateTempSubdirectory("unbundled-apphost-").FullName;
    private readonly int port = FreePort.Next();

    public string Prefix { get; } = NamePrefix.Create();

    public Uri Address => new($"http://127.0.0.1:{port}");

    public async Task<EndpointProcess> Start()
    {
        string[] arguments =
        [
            "--shell", shell,
            "--data-path", dataPath,
            "--urls", Address.ToString(),
            $"--Unbundled:NamePrefix={Prefix}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
            "--Logging:LogLevel:Unbundled.Messaging=Information",
        ];
        var environment = shell == "aws" ? AwsSystem.EnvironmentFor(await AwsEmulators.Shared()) : [];
        return await EndpointProcess.Start("Unbundled.AppHost", arguments, environment, "Now listening on");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
