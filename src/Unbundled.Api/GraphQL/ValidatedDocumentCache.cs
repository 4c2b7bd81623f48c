using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace Unbundled.Api.GraphQL;

/// <summary>
/// Parsed documents by their exact query text. Clients send the same few documents with other variables, and parsing and
/// the document rules cost more than a third of the API's CPU per mutation. Only documents that passed validation are
/// kept; a hit runs only <see cref="ExecutionOptions.CachedDocumentValidationRules"/> (the rules that depend on the
/// request rather than the text) and what the executer always does per request: choose the operation by name and
/// coerce the request's variables.
/// </summary>
internal sealed class ValidatedDocumentCache : IConfigureExecution, IDisposable
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

        return ExecuteAndKeep(query, options, next);
    }

    public void Dispose() => documents.Dispose();

    private async Task<ExecutionResult> ExecuteAndKeep(string query, ExecutionOptions options, ExecutionDelegate next)
    {
        var result = await next(options);

        // Executed means the document parsed and validated, whatever the resolvers then made of it.
        if (result.Executed && result.Document is { } parsed)
        {
            documents.Set(query, parsed, new MemoryCacheEntryOptions { Size = query.Length });
        }

        return result;
    }
}
