using GraphQL.Validation;
using GraphQLParser.AST;

namespace Unbundled.Api.Http;

/// <summary>GET must be safe: a mutation sent over GET is a validation error (GraphQL over HTTP).</summary>
internal sealed class OnlyQueriesOverGet : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, validation) =>
        {
            if (operation.Operation != OperationType.Query)
            {
                validation.ReportError(new ValidationError(validation.Document.Source, "GET-MUTATION", "Mutations must be sent with POST.", operation));
            }
        }));
}
