using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Unbundled.Api.GraphQL;

namespace Unbundled.Api.Http;

/// <summary>
/// GraphQL over HTTP: POST /graphql with a JSON body, GET /graphql?query=… for queries. A body (or GET's variables) that
/// is not JSON, or a document that does not parse or validate, gets HTTP 400 with a GraphQL error, never a 500.
/// </summary>
internal static class GraphQLHttpEndpoint
{
    public static async Task Post(HttpContext http, ISchema schema, IDocumentExecuter executer, IGraphQLTextSerializer serializer)
    {
        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        }
        catch (JsonException exception)
        {
            await WriteError(http, serializer, ErrorCodes.InvalidJson, $"The request body is not valid JSON: {exception.Message}");
            return;
        }

        await Execute(http, request, schema, executer, serializer, allowMutations: true);
    }

    public static async Task Get(HttpContext http, ISchema schema, IDocumentExecuter executer, IGraphQLTextSerializer serializer)
    {
        var query = http.Request.Query;
        Inputs? variables = null;
        if (query.TryGetValue("variables", out var json))
        {
            try
            {
                variables = serializer.Deserialize<Inputs>(json);
            }
            catch (JsonException exception)
            {
                await WriteError(http, serializer, ErrorCodes.InvalidJson, $"The variables are not a JSON object: {exception.Message}");
                return;
            }
        }

        var request = new GraphQLRequest { Query = query["query"], OperationName = query["operationName"], Variables = variables };
        await Execute(http, request, schema, executer, serializer, allowMutations: false);
    }

    private static async Task Execute(
        HttpContext http, GraphQLRequest? request, ISchema schema, IDocumentExecuter executer, IGraphQLTextSerializer serializer, bool allowMutations)
    {
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await WriteError(http, serializer, ErrorCodes.InvalidRequest, "The request has no GraphQL query.");
            return;
        }

        var result = await executer.ExecuteAsync(options =>
        {
            options.Schema = schema;
            options.Query = request.Query;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.RequestServices = http.RequestServices;
            options.CancellationToken = http.RequestAborted;
            options.ValidationRules = allowMutations ? ValidationRulesByMethod.Post : ValidationRulesByMethod.Get;
            options.CachedDocumentValidationRules = allowMutations ? ValidationRulesByMethod.PostCached : ValidationRulesByMethod.GetCached;
        });

        http.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        http.Response.ContentType = "application/graphql-response+json";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static async Task WriteError(HttpContext http, IGraphQLTextSerializer serializer, string code, string message)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "application/graphql-response+json";
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
