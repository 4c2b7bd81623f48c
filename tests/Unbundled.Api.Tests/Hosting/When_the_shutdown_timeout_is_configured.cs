using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Unbundled.AppHost;

namespace Unbundled.Api.Tests.Hosting;

/// <summary><c>Unbundled:ShutdownTimeout</c> bounds a stop; the generic host is told the same (docs/stopping.md).</summary>
public sealed class When_the_shutdown_timeout_is_configured
{
    [Theory]
    [InlineData(null, 5.0)]
    [InlineData("00:00:03", 3.0)]
    public async Task Should_give_it_to_the_host(string? configured, double expectedSeconds)
    {
        var dataPath = Directory.CreateTempSubdirectory("unbundled-shutdown-").FullName;
        string[] args = ["--data-path", dataPath, "--urls", "http://127.0.0.1:0"];
        await using var system = UnbundledSystem.Build(configured is null ? args : [.. args, $"--Unbundled:ShutdownTimeout={configured}"]);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), system.Api.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }
}
