using Microsoft.Extensions.Hosting;
using Unbundled.Contracts;
using Unbundled.Shell;
using Unbundled.Shell.Telemetry;

namespace Unbundled.Customers.Host;

/// <summary>The Customers program's host, as deployed.</summary>
public static class CustomersHost
{
    /// <param name="args">The command line.</param>
    /// <param name="beforeEndpoint">Runs before the endpoint is added: a test host adds the development shell there.</param>
    public static HostApplicationBuilder CreateBuilder(string[] args, Action<IHostApplicationBuilder>? beforeEndpoint = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(SharedConventions.HostSettings(args));
        beforeEndpoint?.Invoke(builder);
        builder.AddEndpoint(EndpointNames.Customers, endpoint => endpoint.UseCustomersEndpoint());
        builder.AddTelemetry(logMutationTimelines: false);
        return builder;
    }
}
