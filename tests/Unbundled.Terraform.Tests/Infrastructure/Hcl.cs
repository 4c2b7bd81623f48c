using System.Text.Json;
using System.Text.Json.Nodes;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>Reading values out of hcl2json's output.</summary>
internal static class Hcl
{
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static IReadOnlyList<JsonObject> Blocks(JsonObject body, string name) =>
        body[name] is JsonArray blocks ? [.. blocks.OfType<JsonObject>()] : [];

    /// <summary>A list of literal strings (<c>actions</c>, <c>resources</c>, …); a lone string counts as a list of one.</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node) => node switch
    {
        JsonArray items => [.. items.Select(item => Text(item) ?? throw new InvalidOperationException($"Not a string: {item?.ToJsonString()}"))],
        null => [],
        _ => [Text(node) ?? throw new InvalidOperationException($"Not a string: {node.ToJsonString()}")],
    };

    public static bool? Bool(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    public static long? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<long>() : null;

    /// <summary>True when the text contains an expression, i.e. is not a plain literal.</summary>
    public static bool IsExpression(string text) => text.Contains("${", StringComparison.Ordinal);

    /// <summary>The literal rest of <paramref name="text"/> after the expression <paramref name="prefix"/>, e.g. the queue name after its prefix.</summary>
    public static string LiteralAfter(string text, string prefix)
    {
        Assert.StartsWith(prefix, text);
        var rest = text[prefix.Length..];
        Assert.False(IsExpression(rest), $"'{text}' should be {prefix} followed by a literal name.");
        return rest;
    }
}
