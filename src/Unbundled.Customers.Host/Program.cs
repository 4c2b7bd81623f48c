using Microsoft.Extensions.Hosting;
using Unbundled.Customers.Host;

await CustomersHost.CreateBuilder(args).Build().RunAsync();
