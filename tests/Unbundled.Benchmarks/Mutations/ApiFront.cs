using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Unbundled.Api;
using Unbundled.Messaging;
using Unbundled.Ports;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// The API exactly as ours (Kestrel, the GraphQL schema, <c>InviteCustomerMutation</c> and its read-your-writes wait) with
/// something else behind <see cref="IMessageSession"/> and <see cref="ICustomerViews"/>: the peer's bus, or nothing at all.
/// </summary>
internal sealed class ApiFront : ISystemUnderTest
{
    private readonly SystemArguments arguments;
    private readonly WebApplication api;

    private ApiFront(string name, SystemArguments arguments, WebApplication api)
    {
        Name = name;
        this.arguments = arguments;
        this.api = api;
    }

    public string Name { get; }

    public Uri BaseAddress => arguments.BaseAddress;

    public IServiceProvider ApiServices => api.Services;

    public static Task<ApiFront> Start(string name, Action<IServiceCollection> backEnd) =>
        Start(name, (services, _) => backEnd(services));

    /// <summary>A back end that keeps its data in the system's own data folder (<see cref="SystemArguments.DataPath"/>).</summary>
    public static async Task<ApiFront> Start(string name, Action<IServiceCollection, SystemArguments> backEnd)
    {
        var arguments = SystemArguments.Create(name);
        var builder = WebApplication.CreateBuilder(arguments.Args);
        builder.AddApi();
        WithoutEmbeddedEndpoint(builder.Services);
        backEnd(builder.Services, arguments);
        var api = builder.Build();
        api.MapApi();
        await api.StartAsync();
        return new ApiFront(name, arguments, api);
    }

    public async ValueTask DisposeAsync()
    {
        await api.StopAsync();
        await api.DisposeAsync();
        arguments.Dispose();
    }

    /// <summary>Drops the API's own endpoint (its hosted service, session and SQLite read model), so no file is touched.</summary>
    private static void WithoutEmbeddedEndpoint(IServiceCollection services)
    {
        var messagingAssembly = typeof(IMessageSession).Assembly;
        foreach (var hosted in services.Where(descriptor => descriptor.ServiceType == typeof(IHostedService)
            && descriptor.ImplementationFactory?.Method.DeclaringType?.Assembly == messagingAssembly).ToList())
        {
            services.Remove(hosted);
        }

        services.RemoveAll<IMessageSession>();
        services.RemoveAll<ICustomerViews>();
    }
}
