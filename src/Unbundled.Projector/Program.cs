using Microsoft.Extensions.Hosting;
using Unbundled.Shell.Telemetry;
using Unbundled.Projector;

var builder = Host.CreateApplicationBuilder(args);
builder.AddProjectorEndpoint();
builder.AddTelemetry(logMutationTimelines: false);
await builder.Build().RunAsync();
