using GraphQLParser.AST;

namespace Unbundled.Api.Limits;

/// <summary>
/// How many fields of an operation answer under the same response path, fragments expanded: <c>{ Customer(id: "1")
/// { id } Customer(id: "2") { id } }</c> has two at <c>Customer</c> and two at <c>Customer.id</c>. graphql-dotnet's
/// overlapping-fields rule compares such fields pairwise, and reports every pair that conflicts: 1,000 of them once made
/// half a million errors. Run only on an operation whose expanded size is within <see cref="RequestLimits.MaxNodes"/>,
/// so expanding it here is bounded too.
/// </summary>
internal sealed class RepeatedResponseNames(Dictionary<string, GraphQLFragmentDefinition> fragments)
{
    private readonly Dictionary<(int Parent, string Name), int> paths = [];
    private readonly List<int> counts = [];
    private readonly HashSet<string> expanding = new(StringComparer.Ordinal);
    private (string Name, int Count) mostRepeated = ("", 0);

    /// <summary>The response name repeated most often at one path, and how often.</summary>
    public (string Name, int Count) MostRepeated(GraphQLOperationDefinition operation)
    {
        Visit(operation.SelectionSet, parent: -1);
        return mostRepeated;
    }

    private void Visit(GraphQLSelectionSet? selectionSet, int parent)
    {
        foreach (var selection in selectionSet?.Selections ?? [])
        {
            switch (selection)
            {
                case GraphQLField field:
                    Visit(field.SelectionSet, Count(parent, (field.Alias?.Name ?? field.Name).StringValue));
                    break;
                case GraphQLInlineFragment inline:
                    Visit(inline.SelectionSet, parent);
                    break;
                // A cycle is the core rules' to report; here it is expanded once.
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                                                        && expanding.Add(fragment.FragmentName.Name.StringValue):
                    Visit(fragment.SelectionSet, parent);
                    expanding.Remove(fragment.FragmentName.Name.StringValue);
                    break;
            }
        }
    }

    private int Count(int parent, string name)
    {
        if (!paths.TryGetValue((parent, name), out var path))
        {
            path = counts.Count;
            paths.Add((parent, name), path);
            counts.Add(0);
        }

        var count = ++counts[path];
        if (count > mostRepeated.Count)
        {
            mostRepeated = (name, count);
        }

        return path;
    }
}
