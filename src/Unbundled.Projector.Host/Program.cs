using Microsoft.Extensions.Hosting;
using Unbundled.Shell;
using Unbundled.Shell.Telemetry;
using Unbundled.Projector;

var builder = Host.CreateApplicationBuilder(SharedConventions.HostSettings(args));
builder.AddProjectorEndpoint();
builder.AddTelemetry(logMutationTimelines: false);
await builder.Build().RunAsync();
