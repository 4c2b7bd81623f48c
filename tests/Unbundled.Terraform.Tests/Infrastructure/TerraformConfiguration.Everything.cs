using System.Text.Json.Nodes;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>Every block of the configuration whatever its type, for the checks that walk all of them (schema, references).</summary>
internal sealed partial class TerraformConfiguration
{
    /// <summary>Every resource and data source, each with the body as written.</summary>
    public IEnumerable<HclBlock> AllResourcesAndDataSources =>
        from file in files
        from kind in new[] { "resource", "data" }
        where file.Value[kind] is JsonObject
        from typed in file.Value[kind]!.AsObject()
        from named in typed.Value!.AsObject()
        from body in Hcl.Blocks(typed.Value!.AsObject(), named.Key)
        select new HclBlock(kind, typed.Key, named.Key, body, file.Key);

    /// <summary>The <c>provider</c> blocks, by provider name.</summary>
    public IEnumerable<(string Name, JsonObject Body, string File)> Providers =>
        from file in files
        where file.Value["provider"] is JsonObject
        from named in file.Value["provider"]!.AsObject()
        from body in Hcl.Blocks(file.Value["provider"]!.AsObject(), named.Key)
        select (named.Key, body, file.Key);

    /// <summary>Every string in every file (attributes, expressions, locals, outputs), with the file it is in.</summary>
    public IEnumerable<(string Text, string File)> AllStrings =>
        from file in files
        from text in StringsIn(file.Value)
        select (text, file.Key);

    private static IEnumerable<string> StringsIn(JsonNode? node) => node switch
    {
        JsonObject body => body.SelectMany(entry => StringsIn(entry.Value)),
        JsonArray items => items.SelectMany(StringsIn),
        _ when Hcl.Text(node) is { } text => [text],
        _ => [],
    };
}
