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
    private const string ResponseContentType = "application/graphql-response+json";

    public static async Task Post(HttpContext http, ISchema schema, IDocumentExecuter executer, GraphQLJson json)
    {
        GraphQLRequest? request;
        try
        {
            request = await json.ReadRequest(http.Request.BodyReader, http.RequestAborted);
        }
        catch (JsonException exception)
        {
            await WriteError(http, json, ErrorCodes.InvalidJson, $"The request body is not valid JSON: {exception.Message}");
            return;
        }

        await Execute(http, request, schema, executer, json, allowMutations: true);
    }

    public static async Task Get(HttpContext http, ISchema schema, IDocumentExecuter executer, GraphQLJson json)
    {
        var query = http.Request.Query;
        Inputs? variables = null;
        if (query.TryGetValue("variables", out var variablesJson))
        {
            try
            {
                variables = json.Deserialize<Inputs>(variablesJson);
            }
            catch (JsonException exception)
            {
                await WriteError(http, json, ErrorCodes.InvalidJson, $"The variables are not a JSON object: {exception.Message}");
                return;
            }
        }

        var request = new GraphQLRequest { Query = query["query"], OperationName = query["operationName"], Variables = variables };
        await Execute(http, request, schema, executer, json, allowMutations: false);
    }

    private static async Task Execute(
        HttpContext http, GraphQLRequest? request, ISchema schema, IDocumentExecuter executer, GraphQLJson json, bool allowMutations)
    {
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await WriteError(http, json, ErrorCodes.InvalidRequest, "The request has no GraphQL query.");
            return;
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
            ValidationRules = allowMutations ? ValidationRulesByMethod.Post : ValidationRulesByMethod.Get,
            CachedDocumentValidationRules = allowMutations ? ValidationRulesByMethod.PostCached : ValidationRulesByMethod.GetCached,
        });

        http.Response.StatusCode = result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        http.Response.ContentType = ResponseContentType;
        await json.Write(http.Response, result, http.RequestAborted);
    }

    private static async Task WriteError(HttpContext http, GraphQLJson json, string code, string message)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = ResponseContentType;
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        await json.Write(http.Response, result, http.RequestAborted);
    }
}
