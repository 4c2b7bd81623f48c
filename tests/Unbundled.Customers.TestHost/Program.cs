using Microsoft.Extensions.Hosting;
using Unbundled.Customers.Host;
using Unbundled.Shell.Dev;

await CustomersHost.CreateBuilder(args, builder => builder.UseDevelopmentShell()).Build().RunAsync();
