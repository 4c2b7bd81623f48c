using Microsoft.Extensions.DependencyInjection;
using MassTransit;
using Unbundled.Domain.Commands;
using Unbundled.Messaging;

namespace Unbundled.Benchmarks.Mutations.Peer;

/// <summary>
/// The same flow on MassTransit's in-memory bus, in the API's process: a request client, a consumer that decides with the
/// same domain, publishes <c>CustomerInvited</c> and responds, and a consumer that projects it into an in-memory read model.
/// MassTransit's defaults otherwise (its System.Text.Json serializer, its concurrency limits).
/// </summary>
internal static class MassTransitPeer
{
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<InMemoryInvitations>();
        InMemoryCustomerViews.AddTo(services);
        services.AddScoped<IMessageSession, MassTransitMessageSession>();
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<InviteCustomerConsumer>();
            bus.AddConsumer<CustomerInvitedConsumer>();

            // The API's own request timeout, for parity.
            bus.AddRequestClient<InviteCustomer>(RequestTimeout.After(s: 10));
            bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
        });
    }
}
