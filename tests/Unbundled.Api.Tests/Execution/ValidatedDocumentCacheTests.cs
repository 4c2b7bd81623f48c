using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Unbundled.Api.GraphQL;
using Unbundled.Api.Http;
using Unbundled.Api.Limits;

namespace Unbundled.Api.Tests.Execution;

/// <summary>The cache on its own, with the API's schema and an executer that counts how often it parses.</summary>
public sealed class ValidatedDocumentCacheTests : IDisposable
{
    private const string ById = "query ($id: ID!) { Customer(id: $id) { id } }";

    private readonly CountingDocumentBuilder parser = new();
    private readonly ValidatedDocumentCache cache;
    private readonly ServiceProvider services = new ServiceCollection().BuildServiceProvider();
    private readonly DocumentExecuter executer;

    public ValidatedDocumentCacheTests()
    {
        cache = new ValidatedDocumentCache(parser, new DocumentLimits(new RequestLimits()));
        executer = new DocumentExecuter(parser, new DocumentValidator(), new DefaultExecutionStrategySelector(), [cache]);
    }

    [Fact]
    public async Task A_document_sent_again_is_not_parsed_again()
    {
        await Execute(ById, """{ "id": "not-a-guid" }""");
        await Execute(ById, """{ "id": "also-not-a-guid" }""");

        Assert.Equal(1, parser.Parsed);
    }

    [Fact]
    public async Task Documents_that_differ_by_one_character_are_parsed_each()
    {
        await Execute(ById, """{ "id": "x" }""");
        await Execute(ById.Replace("{ id }", "{ id  }", StringComparison.Ordinal), """{ "id": "x" }""");

        Assert.Equal(2, parser.Parsed);
    }

    [Fact]
    public async Task A_document_that_fails_validation_is_not_kept()
    {
        const string unknownField = "{ Customer(id: \"x\") { name } }";

        Assert.False((await Execute(unknownField)).Executed);
        Assert.False((await Execute(unknownField)).Executed);

        Assert.Equal(2, parser.Parsed);
    }

    [Fact]
    public async Task A_cached_document_still_rejects_a_missing_required_variable()
    {
        Assert.True((await Execute(ById, """{ "id": "x" }""")).Executed);

        var result = await Execute(ById, variables: null);

        Assert.False(result.Executed);
        Assert.Contains("$id", Assert.Single(result.Errors!).Message, StringComparison.Ordinal);
        Assert.Equal(1, parser.Parsed);
    }

    [Fact]
    public async Task A_cached_document_still_rejects_an_unknown_operation_name()
    {
        const string twoOperations = "query A { Customer(id: \"a\") { id } } query B { Customer(id: \"b\") { email } }";
        Assert.True((await Execute(twoOperations, operationName: "A")).Executed);

        var unknown = await Execute(twoOperations, operationName: "C");
        var other = await Execute(twoOperations, operationName: "B");

        Assert.False(unknown.Executed);
        Assert.True(other.Executed);
        Assert.Equal("B", other.Operation?.Name?.StringValue);
        Assert.Equal(1, parser.Parsed);
    }

    [Fact]
    public async Task A_mutation_cached_from_POST_is_still_refused_over_GET()
    {
        const string mutation = "mutation { __typename }";
        Assert.True((await Execute(mutation)).Executed);

        var overGet = await Execute(mutation, overGet: true);

        Assert.False(overGet.Executed);
        Assert.Equal("Mutations must be sent with POST.", Assert.Single(overGet.Errors!).Message);
        Assert.Equal(1, parser.Parsed);
    }

    [Fact]
    public void The_schema_declares_no_argument_validators_that_cached_documents_would_skip()
    {
        // If this fails, add FieldArgumentsAreValidRule to ValidationRulesByMethod's cached sets.
        Schema.Initialize();

        Assert.False(Schema.GetMetadata(FieldArgumentsAreValidRule.HAS_FIELD_ARGUMENT_VALIDATION_KEY, defaultValue: false));
    }

    public void Dispose()
    {
        cache.Dispose();
        services.Dispose();
    }

    private Task<ExecutionResult> Execute(string query, string? variables = null, string? operationName = null, bool overGet = false) =>
        executer.ExecuteAsync(options =>
        {
            options.Schema = Schema;
            options.Query = query;
            options.OperationName = operationName;
            options.Variables = variables is null ? null : Json.Deserialize<Inputs>(variables);
            options.RequestServices = services;
            var rules = overGet ? ValidationRulesByMethod.Get : ValidationRulesByMethod.Post;
            options.ValidationRules = rules.New;
            options.CachedDocumentValidationRules = rules.Cached;
        });

    private static ISchema Schema { get; } = CustomerSchema.Create(new ServiceCollection().BuildServiceProvider());

    private static GraphQLSerializer Json { get; } = new();

    private sealed class CountingDocumentBuilder : IDocumentBuilder
    {
        private readonly GraphQLDocumentBuilder inner = new();
        private int parsed;

        public int Parsed => parsed;

        public GraphQLDocument Build(string body)
        {
            Interlocked.Increment(ref parsed);
            return inner.Build(body);
        }
    }
}
