using System.Text.Json.Nodes;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>
/// The AWS provider's schema for the types the configuration uses, as <c>tools/provider-schema.mjs</c> reads it out of
/// the generated bindings of @cdktf/provider-aws (pinned in <c>tools/package.json</c>).
/// </summary>
internal sealed class ProviderSchema
{
    private static readonly Lazy<Task<ProviderSchema>> OfTheConfiguration = new(async () =>
        await For((await TerraformConfiguration.Load()).AllResourcesAndDataSources));

    private readonly JsonObject schema;

    private ProviderSchema(JsonObject schema) => this.schema = schema;

    /// <summary>The provider's registry address and the version the bindings were generated from, e.g. 6.25.0.</summary>
    public string ProviderVersion => Hcl.Text(schema["provider"]?["version"]) ?? throw new InvalidOperationException("The schema names no provider version.");

    public string ProviderSource => Hcl.Text(schema["provider"]?["name"]) ?? throw new InvalidOperationException("The schema names no provider.");

    /// <summary>The provider block's own schema (<c>region</c>, <c>default_tags</c>, …).</summary>
    public JsonObject ProviderBlock => schema["provider"]?["schema"]?.AsObject() ?? throw new InvalidOperationException("The schema has no provider block.");

    /// <summary>The schema of a resource (<paramref name="kind"/> "resource") or data source ("data"); null when the provider has no such type.</summary>
    public JsonObject? Of(string kind, string type) => schema[kind]?[type] as JsonObject;

    /// <summary>The schema of every type in <c>terraform/</c>, read once per test run.</summary>
    public static Task<ProviderSchema> Load() => OfTheConfiguration.Value;

    /// <summary>The configuration and the schema of its types, for the checks that need both.</summary>
    public static async Task<(TerraformConfiguration Configuration, ProviderSchema Schema)> LoadWithConfiguration() =>
        (await TerraformConfiguration.Load(), await Load());

    /// <summary>The schema of the types of <paramref name="blocks"/>.</summary>
    public static async Task<ProviderSchema> For(IEnumerable<HclBlock> blocks)
    {
        var types = blocks.Select(block => $"{block.Kind}:{block.Type}").Distinct().Order(StringComparer.Ordinal);
        var output = await NodeTools.RunScript("provider-schema.mjs", ["provider", .. types]);
        return new ProviderSchema(JsonNode.Parse(output)?.AsObject() ?? throw new InvalidOperationException("provider-schema.mjs printed nothing."));
    }
}
