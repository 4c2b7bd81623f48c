using Microsoft.Extensions.Hosting;
using Unbundled.Contracts;
using Unbundled.Projector;
using Unbundled.Shell;
using Unbundled.Shell.Telemetry;

var builder = Host.CreateApplicationBuilder(SharedConventions.HostSettings(args));
builder.AddEndpoint(EndpointNames.Projector, endpoint => endpoint.UseProjectorEndpoint());
builder.AddTelemetry(logMutationTimelines: false);
await builder.Build().RunAsync();
