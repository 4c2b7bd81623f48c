using GraphQL.Validation;
using GraphQLParser.AST;
using Unbundled.Api.GraphQL;

namespace Unbundled.Api.Security;

/// <summary>
/// With authentication configured, a mutation needs a caller with credentials; queries may still be public. Only the
/// operation the request runs counts: a document may carry a mutation beside the query it selects.
/// </summary>
internal sealed class MutationsNeedACaller : ValidationRuleBase
{
    public static MutationsNeedACaller Instance { get; } = new();

    // The visitor keeps no state, so every request shares one.
    private static readonly ValueTask<INodeVisitor?> Visitor = new(new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, validation) =>
    {
        if (operation.Operation == OperationType.Mutation && operation == validation.Operation)
        {
            validation.ReportError(new ValidationError(validation.Document.Source, ErrorCodes.Unauthenticated,
                $"A mutation needs credentials: a bearer token or an {ApiKeyAuthentication.Header} header.", operation)
            {
                Code = ErrorCodes.Unauthenticated,
            });
        }
    }));

    private MutationsNeedACaller()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => Visitor;
}
