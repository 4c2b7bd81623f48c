using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Unbundled.Api.Security;

/// <summary>
/// The <c>X-Api-Key</c> header against the configured keys, compared in constant time. The caller is named after the
/// key's position (<c>api-key-1</c>, …), never after the key itself, so logs and rate-limit partitions hold no secret.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<ApiAuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var sent))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var sentBytes = Encoding.UTF8.GetBytes(sent.ToString());
        var keys = auth.Value.ApiKeys;
        for (var index = 0; index < keys.Count; index++)
        {
            if (CryptographicOperations.FixedTimeEquals(sentBytes, Encoding.UTF8.GetBytes(keys[index])))
            {
                var caller = $"api-key-{index + 1}";
                var identity = new ClaimsIdentity([new Claim("sub", caller)], SchemeName, "sub", ClaimTypes.Role);
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
            }
        }

        return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
    }
}
