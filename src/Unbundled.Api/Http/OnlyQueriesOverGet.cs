using GraphQL.Validation;
using GraphQLParser.AST;

namespace Unbundled.Api.Http;

/// <summary>GET must be safe: a mutation sent over GET is a validation error (GraphQL over HTTP).</summary>
internal sealed class OnlyQueriesOverGet : ValidationRuleBase
{
    public static OnlyQueriesOverGet Instance { get; } = new();

    // The visitor keeps no state, so every request shares one.
    private static readonly ValueTask<INodeVisitor?> Visitor = new(new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, validation) =>
    {
        if (operation.Operation != OperationType.Query)
        {
            validation.ReportError(new ValidationError(validation.Document.Source, "GET-MUTATION", "Mutations must be sent with POST.", operation));
        }
    }));

    private OnlyQueriesOverGet()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => Visitor;
}
