using Microsoft.Extensions.Hosting;
using Unbundled.Shell;
using Unbundled.Shell.Telemetry;
using Unbundled.Customers;

var builder = Host.CreateApplicationBuilder(SharedConventions.HostSettings(args));
builder.AddCustomersEndpoint();
builder.AddTelemetry(logMutationTimelines: false);
await builder.Build().RunAsync();
