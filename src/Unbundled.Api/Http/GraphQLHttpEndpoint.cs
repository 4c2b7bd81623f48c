using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Unbundled.Api.GraphQL;
using Unbundled.Api.Limits;
using Unbundled.Api.Security;

namespace Unbundled.Api.Http;

/// <summary>
/// GraphQL over HTTP: POST /graphql with a JSON body, GET /graphql?query=… for queries. A body (or GET's variables) that
/// is not JSON, or a document that does not parse or validate, gets HTTP 400 with a GraphQL error, never a 500; a
/// request that needs a caller it does not name gets 401.
/// </summary>
internal static class GraphQLHttpEndpoint
{
    public static async Task Post(HttpContext http, ISchema schema, IDocumentExecuter executer, GraphQLJson json, RequestLimits limits, ApiAccess access)
    {
        if (!await access.Admit(http, isQueryOnly: false))
        {
            return;
        }

        if (await RequestBody.Read(http, json, limits) is { } request)
        {
            await Execute(http, request, schema, executer, json, ValidationRulesByMethod.ForPost(access.RefusesMutations(http)));
        }
    }

    public static async Task Get(HttpContext http, ISchema schema, IDocumentExecuter executer, GraphQLJson json, ApiAccess access)
    {
        if (!await access.Admit(http, isQueryOnly: true))
        {
            return;
        }

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
                await GraphQLErrorAnswer.Write(http, StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, $"The variables are not a JSON object: {exception.Message}");
                return;
            }
        }

        var request = new GraphQLRequest { Query = query["query"], OperationName = query["operationName"], Variables = variables };
        await Execute(http, request, schema, executer, json, ValidationRulesByMethod.Get);
    }

    private static async Task Execute(
        HttpContext http, GraphQLRequest request, ISchema schema, IDocumentExecuter executer, GraphQLJson json, ValidationRulesByMethod.Rules rules)
    {
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            await GraphQLErrorAnswer.Write(http, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "The request has no GraphQL query.");
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
            ValidationRules = rules.New,
            CachedDocumentValidationRules = rules.Cached,
        });

        http.Response.StatusCode = Status(result);
        http.Response.ContentType = GraphQLErrorAnswer.ContentType;
        await json.Write(http.Response, result, http.RequestAborted);
    }

    private static int Status(ExecutionResult result) => result switch
    {
        { Executed: true } => StatusCodes.Status200OK,
        { Errors: [{ Code: ErrorCodes.Unauthenticated }, ..] } => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status400BadRequest,
    };
}
