using Microsoft.Extensions.Hosting;
using Unbundled.Shell.Telemetry;
using Unbundled.Customers;

var builder = Host.CreateApplicationBuilder(args);
builder.AddCustomersEndpoint();
builder.AddTelemetry(logMutationTimelines: false);
await builder.Build().RunAsync();
