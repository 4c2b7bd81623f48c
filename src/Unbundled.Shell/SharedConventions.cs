using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Unbundled.Messaging;
using Unbundled.Messaging.Embedded;
using Unbundled.Persistence.Sqlite;
using Unbundled.Ports;

namespace Unbundled.Shell;

/// <summary>
/// The one place that wires the infrastructure around the endpoints: transport, persistence, routing, conventions and
/// the ports' implementations, chosen by configuration. Endpoint programs call <see cref="CreateEndpoint"/> and add only
/// what is theirs (handlers, callbacks).
/// </summary>
public static class SharedConventions
{
    public static EndpointConfiguration CreateEndpoint(this IHostApplicationBuilder builder, string endpointName)
    {
        var shell = ShellOptions.From(builder.Configuration);
        var endpoint = new EndpointConfiguration(endpointName);
        if (shell.EnableInstallers)
        {
            endpoint.EnableInstallers();
        }

        endpoint.Routing.RouteToEndpoint(typeof(Domain.Commands.InviteCustomer).Assembly, "Unbundled.Domain.Commands", EndpointNames.Customers);

        switch (shell.Kind)
        {
            case ShellKind.Embedded:
                UseEmbedded(builder.Services, endpoint, shell);
                break;
            case ShellKind.Aws:
                AwsShell.Use(builder.Services, endpoint, shell, standIns: null);
                break;
            case ShellKind.AwsLocal:
                AwsShell.Use(builder.Services, endpoint, shell, AwsStandIns.Instance);
                break;
            default:
                throw new NotSupportedException($"There is no {shell.Kind} shell.");
        }

        if (builder.Configuration["Unbundled:FailOnceDomain"] is { Length: > 0 } domain)
        {
            builder.Services.Decorate<IEmailClaims>(inner => new FailOnceEmailClaims(inner, domain));
        }

        return endpoint;
    }

    private static void UseEmbedded(IServiceCollection services, EndpointConfiguration endpoint, ShellOptions shell)
    {
        var database = new SqliteDatabase(shell.DatabasePath);
        endpoint.UseTransport(new FileSystemTransport(shell.QueuesPath)).UsePersistence(new SqlitePersistence(database));
        services.TryAddSingleton(database);
        services.TryAddSingleton<ICustomerViews, SqliteCustomerViews>();
        services.TryAddScoped<IEmailClaims, SqliteEmailClaims>();
    }
}
