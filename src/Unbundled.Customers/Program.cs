using Microsoft.Extensions.Hosting;
using Unbundled.Customers;

var builder = Host.CreateApplicationBuilder(args);
builder.AddCustomersEndpoint();
await builder.Build().RunAsync();
