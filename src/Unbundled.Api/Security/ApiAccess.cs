using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Unbundled.Api.GraphQL;
using Unbundled.Api.Http;

namespace Unbundled.Api.Security;

/// <summary>
/// Decides, per request, what <see cref="ApiAuthOptions"/> allows: credentials that were sent but are not valid are
/// refused outright (a client with a broken token should hear so, even on a public query), a request without any is
/// refused when queries are not public, and otherwise runs with mutations refused (<see cref="MutationsNeedACaller"/>).
/// </summary>
internal sealed class ApiAccess(IOptions<ApiAuthOptions> options)
{
    private readonly ApiAuthOptions auth = options.Value;

    /// <summary>Whether the request may go on; when not, the 401 answer has been written.</summary>
    public async ValueTask<bool> Admit(HttpContext http, bool isQueryOnly)
    {
        if (!auth.Enabled)
        {
            return true;
        }

        var result = await http.AuthenticateAsync();
        if (result.Failure is { } failure)
        {
            await Refuse(http, $"The credentials sent are not valid: {failure.Message}");
            return false;
        }

        if (result.Succeeded)
        {
            http.User = result.Principal;
            return true;
        }

        if (!auth.PublicQueries)
        {
            await Refuse(http, $"This API needs credentials: a bearer token or an {ApiKeyAuthentication.Header} header.");
            return false;
        }

        return true;
    }

    /// <summary>Whether a mutation in this request must be refused: authentication is on and the caller has none.</summary>
    public bool RefusesMutations(HttpContext http) => auth.Enabled && http.User.Identity?.IsAuthenticated != true;

    private static Task Refuse(HttpContext http, string message)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return GraphQLErrorAnswer.Write(http, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, message);
    }
}
