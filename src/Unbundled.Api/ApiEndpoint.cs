using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using Unbundled.Api.GraphQL;
using Unbundled.Api.Http;
using Unbundled.Api.Limits;
using Unbundled.Api.Operations;
using Unbundled.Api.Security;
using Unbundled.Contracts;
using Unbundled.Domain.Commands;
using Unbundled.Messaging.Hosting;
using Unbundled.Shell;

namespace Unbundled.Api;

public static class ApiEndpoint
{
    /// <inheritdoc cref="SharedConventions.HostSettings"/>
    public static WebApplicationOptions WebSettings(string[] args)
    {
        var host = SharedConventions.HostSettings(args);
        return new() { Args = host.Args, ContentRootPath = host.ContentRootPath };
    }

    /// <summary>
    /// The API's endpoint sends commands and awaits replies on its own instance queue, <c>Unbundled.Api-{instance-id}</c>
    /// (default: machine name and process id, so instances never share it).
    /// </summary>
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        var instanceId = builder.Configuration["instance-id"] ?? $"{Environment.MachineName}-{Environment.ProcessId}";
        var requestTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("request-timeout-seconds", 10.0));
        var endpoint = builder.CreateEndpoint(EndpointNames.Api)
            .MakeInstanceUniquelyAddressable(instanceId)
            .EnableCallbacks(defaultRequestTimeout: requestTimeout)
            .Sends<InviteCustomer>();
        builder.AddOpsPage(endpoint);
        builder.AddMessagingEndpoint(endpoint);

        var limits = builder.Configuration.GetSection(RequestLimits.Section).Get<RequestLimits>() ?? new RequestLimits();
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton(new DocumentLimits(limits));
        builder.AddApiSecurity();

        // Every request goes through the document cache, which the executer only takes as a configuration; the cache
        // parses a new document itself, to hold it to the limits before the validation rules run.
        builder.Services.AddSingleton<IDocumentBuilder, GraphQLDocumentBuilder>();
        builder.Services.AddSingleton<ValidatedDocumentCache>();
        builder.Services.AddSingleton<IDocumentExecuter>(services => new DocumentExecuter(
            services.GetRequiredService<IDocumentBuilder>(), new DocumentValidator(), new DefaultExecutionStrategySelector(),
            [services.GetRequiredService<ValidatedDocumentCache>()]));
        builder.Services.AddSingleton<GraphQLJson>();
        builder.Services.AddSingleton(CustomerSchema.Create);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CustomerQueries>();
        builder.Services.AddScoped<InviteCustomerMutation>();
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.UseGraphiQL();
        app.UseApiSecurity();
        app.MapOpsPage();
        app.MapPost("/graphql", GraphQLHttpEndpoint.Post).LimitPerClient(app.Services);
        app.MapGet("/graphql", GraphQLHttpEndpoint.Get).LimitPerClient(app.Services);
        // The schema the server executes, printed: what clients get is what runs, not the file it was built from.
        var schema = app.Services.GetRequiredService<ISchema>();
        var sdl = new Lazy<string>(() =>
        {
            schema.Initialize();
            return schema.Print();
        });
        app.MapGet("/graphql/schema", () => Results.Text(sdl.Value, "text/plain"));
        app.MapHealthChecks("/health");
        return app;
    }
}
