using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Unbundled.Shell;

namespace Unbundled.Api.Security;

/// <summary>
/// Authentication (JWT bearer and/or API key) and the per-client rate limit, each registered only when configured, so
/// the embedded default runs as before: open, unlimited, and with nothing more on its hot path.
/// </summary>
internal static class ApiSecurity
{
    private const string Either = "BearerOrApiKey";

    public static void AddApiSecurity(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection(ApiAuthOptions.Section).Get<ApiAuthOptions>() ?? new ApiAuthOptions();
        var rateLimit = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.Configure<ApiAuthOptions>(builder.Configuration.GetSection(ApiAuthOptions.Section));
        builder.Services.AddSingleton(rateLimit);
        builder.Services.AddSingleton<ApiAccess>();
        if (auth.Enabled)
        {
            AddAuthentication(builder.Services, auth);
        }

        if (rateLimit.Enabled)
        {
            builder.Services.AddClientRateLimit(rateLimit);
        }
    }

    /// <summary>Authentication before the rate limit, which partitions by the caller it finds.</summary>
    public static void UseApiSecurity(this WebApplication app)
    {
        if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null)
        {
            app.UseAuthentication();
        }
        else if (ShellOptions.From(app.Configuration).Kind == ShellKind.Aws)
        {
            // Off is the right default on a developer's machine, not in production: say so where operators look.
            app.Logger.LogWarning("The API accepts mutations from anyone: no API key or JWT authority is configured ({Section})", ApiAuthOptions.Section);
        }

        if (app.Services.GetRequiredService<RateLimitOptions>().Enabled)
        {
            app.UseRateLimiter();
        }
    }

    public static RouteHandlerBuilder LimitPerClient(this RouteHandlerBuilder endpoint, IServiceProvider services) =>
        services.GetRequiredService<RateLimitOptions>().Enabled ? endpoint.RequireRateLimiting(ClientRateLimit.Policy) : endpoint;

    private static void AddAuthentication(IServiceCollection services, ApiAuthOptions auth)
    {
        var authentication = services.AddAuthentication(Either)
            .AddPolicyScheme(Either, "A bearer token or an API key", scheme => scheme.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(ApiKeyAuthentication.Header) || !auth.Jwt.Enabled
                    ? ApiKeyAuthentication.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, _ => { });
        if (auth.Jwt.Enabled)
        {
            authentication.AddJwtBearer(jwt => Configure(jwt, auth.Jwt));
        }
    }

    private static void Configure(JwtBearerOptions jwt, ApiAuthOptions.JwtOptions options)
    {
        jwt.Authority = string.IsNullOrEmpty(options.Authority) ? null : options.Authority;
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
        jwt.TokenValidationParameters.ValidateIssuer = !string.IsNullOrEmpty(options.Issuer) || jwt.Authority is not null;
        jwt.TokenValidationParameters.ValidAudience = options.Audience;
        jwt.TokenValidationParameters.ValidateAudience = !string.IsNullOrEmpty(options.Audience);
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey));
        }
    }
}
