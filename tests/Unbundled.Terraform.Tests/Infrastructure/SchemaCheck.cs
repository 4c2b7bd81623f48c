using System.Text.Json.Nodes;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>
/// Checks a block's body, as hcl2json renders it, against its schema from <see cref="ProviderSchema"/>: every argument and
/// nested block must exist in the schema, blocks must be written as blocks, and required ones must be there.
/// </summary>
/// <remarks>
/// A schema is <c>{"attributes": {name: {"required"}}, "blocks": {name: {"required", "block", "attributes", "blocks"}}}</c>;
/// <c>"block": false</c> marks an attribute of object type (written <c>name = { … }</c>), whose fields are checked the same way.
/// </remarks>
internal static class SchemaCheck
{
    /// <summary>The meta-arguments terraform itself handles on a resource (https://developer.hashicorp.com/terraform/language/meta-arguments).</summary>
    public static readonly IReadOnlySet<string> ResourceMetaArguments =
        new HashSet<string>(["count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection"], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> DataMetaArguments =
        new HashSet<string>(["count", "for_each", "depends_on", "provider", "lifecycle"], StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    private static readonly HashSet<string> DynamicArguments = new(["for_each", "iterator", "labels", "content"], StringComparer.Ordinal);

    /// <summary>What is wrong with a resource's or data source's body, each problem starting with the block's address and file.</summary>
    public static IReadOnlyList<string> Problems(HclBlock block, JsonObject schema) =>
        Problems(block.ToString(), block.Type, block.Body, schema, block.Kind == "data" ? DataMetaArguments : ResourceMetaArguments);

    /// <summary>What is wrong with <paramref name="body"/>, one sentence per problem, each starting with <paramref name="where"/>.</summary>
    public static IReadOnlyList<string> Problems(string where, string type, JsonObject body, JsonObject schema, IReadOnlySet<string> metaArguments)
    {
        var problems = new List<string>();
        Check(where, type, body, schema, metaArguments, problems);
        return problems;
    }

    private static void Check(string where, string type, JsonObject body, JsonObject schema, IReadOnlySet<string> metaArguments, List<string> problems)
    {
        var attributes = schema["attributes"]!.AsObject();
        var blocks = schema["blocks"]!.AsObject();
        var dynamicLabels = body["dynamic"] is JsonObject dynamic ? dynamic.Select(entry => entry.Key).ToHashSet(StringComparer.Ordinal) : [];

        foreach (var (name, value) in body)
        {
            if (metaArguments.Contains(name) || attributes.ContainsKey(name))
            {
                continue;
            }

            if (name == "dynamic")
            {
                CheckDynamic(where, type, value!.AsObject(), blocks, problems);
            }
            else if (blocks[name] is JsonObject nested)
            {
                CheckNested(where, type, name, value, nested, problems);
            }
            else
            {
                problems.Add($"{where}: '{name}' is not an argument or block of {type}{NameSuggestion.For(name, attributes.Concat(blocks).Select(entry => entry.Key))}.");
            }
        }

        problems.AddRange(
            from required in attributes.Concat(blocks)
            where Hcl.Bool(required.Value?["required"]) == true && !body.ContainsKey(required.Key) && !dynamicLabels.Contains(required.Key)
            select $"{where}: the required '{required.Key}' of {type} is missing.");
    }

    private static void CheckNested(string where, string type, string name, JsonNode? value, JsonObject schema, List<string> problems)
    {
        var path = $"{where}.{name}";
        var isBlock = Hcl.Bool(schema["block"]) != false;
        switch (value)
        {
            case JsonArray items when items.All(item => item is JsonObject):
                foreach (var item in items.OfType<JsonObject>())
                {
                    Check(path, $"{type}.{name}", item, schema, None, problems);
                }

                break;
            case JsonObject fields when !isBlock:
                Check(path, $"{type}.{name}", fields, schema, None, problems);
                break;
            case JsonObject:
                problems.Add($"{where}: '{name}' of {type} is a block: write '{name} {{ … }}', not '{name} = {{ … }}'.");
                break;
            default:
                // An expression (${…}) stands for the whole value, which only a plan can check.
                if (isBlock)
                {
                    problems.Add($"{where}: '{name}' of {type} is a block; set it with a block or a dynamic block, not an expression.");
                }

                break;
        }
    }

    private static void CheckDynamic(string where, string type, JsonObject dynamic, JsonObject blocks, List<string> problems)
    {
        foreach (var (label, definitions) in dynamic)
        {
            if (blocks[label] is not JsonObject schema)
            {
                problems.Add($"{where}: dynamic \"{label}\" is not a block of {type}{NameSuggestion.For(label, blocks.Select(entry => entry.Key))}.");
                continue;
            }

            foreach (var definition in Hcl.Blocks(dynamic, label))
            {
                problems.AddRange(
                    from argument in definition
                    where !DynamicArguments.Contains(argument.Key)
                    select $"{where}: dynamic \"{label}\" takes for_each, iterator, labels and content, not '{argument.Key}'.");
                CheckNested(where, type, label, definition["content"], schema, problems);
            }
        }
    }
}
