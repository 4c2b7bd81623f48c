using Microsoft.Extensions.Hosting;
using Unbundled.Projector;

var builder = Host.CreateApplicationBuilder(args);
builder.AddProjectorEndpoint();
await builder.Build().RunAsync();
