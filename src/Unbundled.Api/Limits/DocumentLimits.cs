using GraphQL.Validation;
using GraphQLParser.AST;
using Unbundled.Api.GraphQL;

namespace Unbundled.Api.Limits;

/// <summary>
/// Checks a parsed document against <see cref="RequestLimits"/> before graphql-dotnet's validation rules see it. Those
/// rules are the expensive part of a hostile document: they expand every fragment spread (a fragment bomb doubles per
/// level) and compare fields pairwise (<c>id</c> repeated 30,000 times, 1,000 conflicting fields), and graphql-dotnet's
/// own complexity rule only runs after them. This walk visits each fragment once, remembering what it expands to, so it
/// costs time linear in the document's length whatever the document expands to.
/// </summary>
internal sealed class DocumentLimits(RequestLimits limits)
{
    private const string InviteField = "InviteCustomer";

    /// <summary>Selection sets and fragments nested in one another, well past any document a client means.</summary>
    private const int MaxNesting = 100;

    /// <summary>The first limit the document breaks, as a validation error, or null when it keeps them all.</summary>
    public ValidationError? Check(GraphQLDocument document, CancellationToken cancellationToken)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLFragmentDefinition fragment:
                    fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
                    break;
                case not GraphQLOperationDefinition:
                    return Error(document, ErrorCodes.NotExecutable, "Only operations and fragments may be sent; a type-system definition cannot be executed.", definition);
            }
        }

        var walk = new SelectionWalk(fragments, cancellationToken);
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var shape = walk.Measure(operation.SelectionSet);
            var broken = shape switch
            {
                { Depth: var depth } when depth > limits.MaxDepth =>
                    (ErrorCodes.QueryTooDeep, $"The operation nests fields {Count(depth)} deep; at most {limits.MaxDepth} are allowed."),
                { Nodes: var nodes } when nodes > limits.MaxNodes =>
                    (ErrorCodes.QueryTooLarge, $"The operation selects {Count(nodes)} fields and fragments, fragments expanded; at most {limits.MaxNodes} are allowed."),
                { Aliases: var aliases } when aliases > limits.MaxAliases =>
                    (ErrorCodes.TooManyAliases, $"The operation has {Count(aliases)} aliases, fragments expanded; at most {limits.MaxAliases} are allowed."),
                { RootFieldsNamedInvite: var invites } when operation.Operation == OperationType.Mutation && invites > limits.MaxInvitesPerRequest =>
                    (ErrorCodes.TooManyInvites, $"The mutation invites {Count(invites)} times; at most {limits.MaxInvitesPerRequest} {InviteField} per request is allowed."),
                _ => default((string Code, string Message)?),
            };
            if (broken is null && new RepeatedResponseNames(fragments).MostRepeated(operation) is var (name, repeats) && repeats > limits.MaxSameResponseName)
            {
                broken = (ErrorCodes.TooManyRepeats, $"The operation selects {repeats} fields answering as '{name}' at one path; at most {limits.MaxSameResponseName} are allowed.");
            }

            if (broken is var (code, message))
            {
                return Error(document, code, message, operation);
            }
        }

        return null;
    }

    private static string Count(long value) => value == long.MaxValue ? "more than 9e18" : value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static ValidationError Error(GraphQLDocument document, string code, string message, ASTNode node) =>
        new(document.Source, code, message, node) { Code = code };

    /// <summary>What a selection set expands to. Sums saturate: a bomb's counts would overflow a long.</summary>
    internal readonly record struct Shape(long Nodes, long Depth, long Aliases, long RootFieldsNamedInvite)
    {
        public static Shape operator +(Shape a, Shape b) =>
            new(Add(a.Nodes, b.Nodes), Math.Max(a.Depth, b.Depth), Add(a.Aliases, b.Aliases), Add(a.RootFieldsNamedInvite, b.RootFieldsNamedInvite));

        public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
    }

    private sealed class SelectionWalk(Dictionary<string, GraphQLFragmentDefinition> fragments, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, Shape> measured = new(StringComparer.Ordinal);
        private readonly HashSet<string> entered = new(StringComparer.Ordinal);
        private int nesting;

        public Shape Measure(GraphQLSelectionSet? selectionSet)
        {
            // Fields nest no deeper than the parser allows, but a chain of fragments that only spread the next one would
            // nest the walk as deep as the chain is long: past this it reports the operation as too deep.
            if (nesting > MaxNesting)
            {
                return new Shape(0, long.MaxValue, 0, 0);
            }

            nesting++;
            var total = default(Shape);
            foreach (var selection in selectionSet?.Selections ?? [])
            {
                total += selection switch
                {
                    GraphQLField field => Field(field),
                    GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue) + new Shape(1, 0, 0, 0),
                    GraphQLInlineFragment inline => Measure(inline.SelectionSet) + new Shape(1, 0, 0, 0),
                    _ => default,
                };
            }

            nesting--;
            return total;
        }

        private Shape Field(GraphQLField field)
        {
            var children = Measure(field.SelectionSet);
            // Nested fields named InviteCustomer are not the mutation's: only the root level sends commands.
            return new Shape(
                Shape.Add(children.Nodes, 1),
                children.Depth == long.MaxValue ? long.MaxValue : children.Depth + 1,
                Shape.Add(children.Aliases, field.Alias is null ? 0 : 1),
                field.Name.Value.Span.SequenceEqual(InviteField.AsSpan()) ? 1 : 0);
        }

        private Shape Fragment(string name)
        {
            if (measured.TryGetValue(name, out var shape))
            {
                return shape;
            }

            // An unknown fragment or a cycle counts for nothing here: the core rules reject both.
            if (!fragments.TryGetValue(name, out var fragment) || !entered.Add(name))
            {
                return default;
            }

            cancellationToken.ThrowIfCancellationRequested();
            shape = Measure(fragment.SelectionSet);
            measured[name] = shape;
            return shape;
        }
    }
}
