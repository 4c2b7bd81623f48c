using Microsoft.Extensions.Hosting;
using Unbundled.Customers.Handlers;
using Unbundled.Messaging.Hosting;
using Unbundled.Shell;

namespace Unbundled.Customers;

public static class CustomersEndpoint
{
    /// <summary>Adds the Customers endpoint to a host; it replies to requests, so it uses the outbox for exactly-once effects.</summary>
    public static IHostApplicationBuilder AddCustomersEndpoint(this IHostApplicationBuilder builder)
    {
        var endpoint = builder.CreateEndpoint(EndpointNames.Customers)
            .RegisterHandler<InviteCustomerHandler>()
            .EnableOutbox();
        return builder.AddMessagingEndpoint(endpoint);
    }
}
