using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Unbundled.Api.Security;
using Unbundled.Messaging.ServicePlatform;

namespace Unbundled.Api.Operations;

/// <summary>
/// <c>/ops</c>, for operators without ServicePulse: failed messages with a retry button each, each endpoint's last
/// heartbeat and check results, queue depths. Plain HTML and forms, served by the API itself (no CDN, no script). The
/// retries are POSTs with an antiforgery token from a page of the same origin, and, once the API has authentication, need
/// credentials, as mutations do; the page itself too, since it shows message bodies (docs/operations.md).
/// </summary>
internal static class OpsPage
{
    public const string Path = "/ops";

    public static void AddOpsPage(this WebApplicationBuilder builder, Messaging.EndpointConfiguration endpoint)
    {
        // The API's own status from memory: its role needs no write access to the shell's store (docs/operations.md).
        var own = new InMemoryEndpointStatus();
        endpoint.RecordStatusIn(own);
        builder.Services.AddSingleton(new OwnStatus(own));
        builder.Services.AddAntiforgery();
        builder.Services.AddSingleton(services => new OperatorQueues(endpoint, services.GetRequiredService<ILoggerFactory>()));
    }

    public static void MapOpsPage(this WebApplication app)
    {
        app.UseAntiforgery();
        var ops = app.MapGroup(Path).AddEndpointFilter(NeedsCredentialsWhenAuthIsOn);
        ops.MapGet("/", Show);
        ops.MapPost("/retry", async ([FromForm] string id, OperatorQueues queues, CancellationToken cancellationToken) =>
            await (await queues.FailedMessages()).Retry(id, cancellationToken)
                ? Results.Redirect($"{Path}?retried=1")
                : Results.NotFound($"No failed message {id} in error (retried already?)."))
            .AddEndpointFilter(SameOrigin);
        ops.MapPost("/retry-all", async ([FromForm] string confirm, OperatorQueues queues, CancellationToken cancellationToken) =>
                Results.Redirect($"{Path}?retried={(await (await queues.FailedMessages()).RetryAll(cancellationToken)).Count}"))
            .AddEndpointFilter(SameOrigin);
    }

    private static async Task<IResult> Show(
        HttpContext http, OperatorQueues queues, OwnStatus own, IAntiforgery antiforgery, IConfiguration configuration, int? retried, CancellationToken cancellationToken)
    {
        var view = await OpsView.Read(queues, own.Store, http.RequestServices.GetService<IEndpointStatusStore>(), configuration, cancellationToken);
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(OpsHtml.Render(view, tokens, retried, DateTimeOffset.UtcNow), "text/html; charset=utf-8");
    }

    /// <summary>With authentication configured, like a mutation: a valid bearer token or API key.</summary>
    private static async ValueTask<object?> NeedsCredentialsWhenAuthIsOn(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.RequestServices.GetRequiredService<IOptions<ApiAuthOptions>>().Value.Enabled)
        {
            return await next(context);
        }

        var result = await http.AuthenticateAsync();
        return result.Succeeded
            ? await next(context)
            : Results.Text($"The operations page needs credentials: a bearer token or an {ApiKeyAuthentication.Header} header.", statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>A retry comes from a page of this API: a browser names the page's origin, which must be this host's.</summary>
    private static async ValueTask<object?> SameOrigin(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Authority == request.Host.Value)
            ? await next(context)
            : Results.Text("A retry must come from the operations page of this API.", statusCode: StatusCodes.Status403Forbidden);
    }
}

/// <summary>Where the API endpoint of this process records its status.</summary>
internal sealed record OwnStatus(InMemoryEndpointStatus Store);
