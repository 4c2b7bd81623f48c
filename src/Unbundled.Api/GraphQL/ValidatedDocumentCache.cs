using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Caching.Memory;
using Unbundled.Api.Limits;

namespace Unbundled.Api.GraphQL;

/// <summary>
/// Parsed documents by their exact query text. Clients send the same few documents with other variables, and parsing and
/// the document rules cost more than a third of the API's CPU per mutation. Only documents that passed validation are
/// kept; a hit runs only <see cref="ExecutionOptions.CachedDocumentValidationRules"/> (the rules that depend on the
/// request rather than the text) and what the executer always does per request: choose the operation by name and
/// coerce the request's variables. A document seen for the first time is parsed here and held to the
/// <see cref="DocumentLimits"/> before the validation rules run, so a kept document has passed those too and a hit
/// costs nothing more.
/// </summary>
internal sealed class ValidatedDocumentCache(IDocumentBuilder parser, DocumentLimits limits) : IConfigureExecution, IDisposable
{
    /// <summary>Total characters of query text kept: a few hundred documents, least recently used ones go first.</summary>
    public const long SizeLimit = 256 * 1024;

    private readonly MemoryCache documents = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    /// <summary>After the option configurations (100), where graphql-dotnet puts its own document cache.</summary>
    public float SortOrder => 200;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return next(options);
        }

        if (documents.TryGetValue(query, out GraphQLDocument? validated))
        {
            options.Document = validated;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return next(options);
        }

        return CheckExecuteAndKeep(query, options, next);
    }

    public void Dispose() => documents.Dispose();

    private async Task<ExecutionResult> CheckExecuteAndKeep(string query, ExecutionOptions options, ExecutionDelegate next)
    {
        try
        {
            options.Document = parser.Build(query);
        }
        catch (GraphQLParserException)
        {
            // The executer parses it again and reports the error as it always does.
            return await next(options);
        }

        if (limits.Check(options.Document, options.CancellationToken) is { } broken)
        {
            return new ExecutionResult { Errors = [broken], Document = options.Document };
        }

        var result = await next(options);

        // Executed means the document parsed and validated, whatever the resolvers then made of it.
        if (result.Executed && result.Document is { } parsed)
        {
            documents.Set(query, parsed, new MemoryCacheEntryOptions { Size = query.Length });
        }

        return result;
    }
}
