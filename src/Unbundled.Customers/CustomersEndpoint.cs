using Unbundled.Customers.Handlers;
using Unbundled.Messaging;

namespace Unbundled.Customers;

public static class CustomersEndpoint
{
    /// <summary>
    /// Makes an endpoint the shell configured (transport, persistence, routing) the Customers endpoint: its handler, and
    /// the outbox, since it replies to requests and its effects must happen exactly once.
    /// </summary>
    public static EndpointConfiguration UseCustomersEndpoint(this EndpointConfiguration endpoint) =>
        endpoint.RegisterHandler<InviteCustomerHandler>().EnableOutbox();
}
