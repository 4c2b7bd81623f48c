using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Unbundled.Messaging.Topology;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>
/// Evaluates the expressions the configuration uses for names and ARNs, as terraform would with <c>var.name_prefix</c> set
/// to <see cref="CodeTopology.Prefix"/>, <c>var.table_name</c> null, and the partition, region and account left as the
/// topology's placeholders. An expression outside that small language fails, so the checks never guess.
/// </summary>
internal sealed partial class TerraformValues(TerraformConfiguration configuration)
{
    private static readonly Dictionary<string, string> Variables = new(StringComparer.Ordinal)
    {
        ["var.name_prefix"] = CodeTopology.Prefix,
        ["var.region"] = Arns.AnyRegion,
        ["data.aws_partition.current.partition"] = Arns.AnyPartition,
        ["data.aws_caller_identity.current.account_id"] = Arns.AnyAccount,
        // The switches of what the endpoints send to the Service Platform, at their defaults (the code's topology is the defaults').
        ["var.enable_auditing"] = "true",
        ["var.report_to_servicecontrol"] = "true",
        ["var.send_metrics"] = "true",
    };

    /// <summary>The values of <paramref name="expression"/> (one, or several for a list), with <c>each.key</c> = <paramref name="eachKey"/>.</summary>
    public IReadOnlyList<string> Resolve(string expression, string? eachKey = null)
    {
        if (ForOverLocal().Match(expression) is { Success: true } loop)
        {
            var items = configuration.Locals[loop.Groups["list"].Value]?[Key(eachKey)] as JsonArray
                ?? throw new InvalidOperationException($"local.{loop.Groups["list"].Value}[\"{eachKey}\"] is not a list in {expression}.");
            var included = loop.Groups["enabled"].Success
                ? items.Where(item => IsTrue(configuration.Locals[loop.Groups["enabled"].Value]?[Hcl.Text(item)!], expression))
                : items;
            return [.. included.SelectMany(item => Resolve(Text(configuration.Locals[loop.Groups["map"].Value]?[Hcl.Text(item)!], expression), eachKey))];
        }

        if (TableName().Match(expression) is { Success: true } table)
        {
            return Resolve(table.Groups["otherwise"].Value, eachKey);
        }

        return [Interpolation().Replace(expression, reference => Scalar(reference.Groups["ref"].Value, eachKey))];
    }

    /// <summary>The physical name of one instance of a resource (its <c>name</c>, evaluated).</summary>
    public string NameOf(ResourceInstance instance) =>
        Resolve(instance.Text("name") ?? throw new InvalidOperationException($"{instance} has no name.")).Single();

    private string Scalar(string reference, string? eachKey)
    {
        if (Variables.TryGetValue(reference, out var value))
        {
            return value;
        }

        if (reference == "each.key")
        {
            return Key(eachKey);
        }

        if (ResourceAttribute().Match(reference) is { Success: true } resource)
        {
            var key = resource.Groups["key"].Success ? resource.Groups["key"].Value : resource.Groups["each"].Success ? Key(eachKey) : null;
            return Attribute(resource.Groups["type"].Value, resource.Groups["name"].Value, key, resource.Groups["attribute"].Value);
        }

        if (LocalReference().Match(reference) is { Success: true } local)
        {
            var node = configuration.Locals[local.Groups["name"].Value];
            node = local.Groups["each"].Success ? node?[Key(eachKey)] : node;
            return Resolve(Text(node, reference), eachKey).Single();
        }

        throw new InvalidOperationException($"Cannot evaluate ${{{reference}}}: the checks know only names, ARNs and the variables they stand for.");
    }

    private string Attribute(string type, string name, string? key, string attribute)
    {
        var instance = configuration.Instances(configuration.Resource(type, name)).SingleOrDefault(i => i.Key == key)
            ?? throw new InvalidOperationException($"{type}.{name}[\"{key}\"] is not an instance terraform creates.");
        var physical = NameOf(instance);
        var arns = new Arns(Arns.AnyPartition, Arns.AnyRegion, Arns.AnyAccount);
        return (type, attribute) switch
        {
            ("aws_sqs_queue", "arn") => arns.Queue(physical),
            ("aws_sqs_queue", "id" or "url" or "name") => physical,
            ("aws_sns_topic", "arn" or "id") => arns.Topic(physical),
            ("aws_dynamodb_table", "arn") => arns.Table(physical),
            (_, "name") => physical,
            _ => throw new InvalidOperationException($"Cannot evaluate {type}.{name}.{attribute}."),
        };
    }

    /// <summary>A boolean local: a literal, or a switch variable at its default.</summary>
    private static bool IsTrue(JsonNode? node, string context) => node?.GetValueKind() == System.Text.Json.JsonValueKind.True
        || (node?.GetValueKind() != System.Text.Json.JsonValueKind.False
            && Interpolation().Match(Text(node, context)) is { Success: true } reference
            && Variables.GetValueOrDefault(reference.Groups["ref"].Value) == "true");

    private static string Key(string? eachKey) => eachKey ?? throw new InvalidOperationException("each.key outside a for_each.");

    private static string Text(JsonNode? node, string context) =>
        Hcl.Text(node) ?? throw new InvalidOperationException($"{context} does not evaluate to a string.");

    [GeneratedRegex(@"^\$\{\[for (?<item>\w+) in local\.(?<list>\w+)\[each\.key\] : local\.(?<map>\w+)\[\k<item>\]( if local\.(?<enabled>\w+)\[\k<item>\])?\]\}$")]
    private static partial Regex ForOverLocal();

    [GeneratedRegex(@"^\$\{var\.table_name != null \? var\.table_name : ""(?<otherwise>.*)""\}$")]
    private static partial Regex TableName();

    [GeneratedRegex(@"\$\{(?<ref>[^${}]+)\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^(?<type>aws_\w+)\.(?<name>\w+)(\[(""(?<key>[\w-]+)""|(?<each>each\.key))\])?\.(?<attribute>\w+)$")]
    private static partial Regex ResourceAttribute();

    [GeneratedRegex(@"^local\.(?<name>\w+)(?<each>\[each\.key\])?$")]
    private static partial Regex LocalReference();
}
