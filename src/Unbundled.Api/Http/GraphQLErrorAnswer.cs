using GraphQL;

namespace Unbundled.Api.Http;

/// <summary>An answer that is only an error, for requests refused before (or instead of) execution.</summary>
internal static class GraphQLErrorAnswer
{
    public const string ContentType = "application/graphql-response+json";

    public static async Task Write(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType;
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        await http.RequestServices.GetRequiredService<GraphQLJson>().Write(http.Response, result, http.RequestAborted);
    }
}
