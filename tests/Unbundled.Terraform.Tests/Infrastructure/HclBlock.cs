using System.Text.Json.Nodes;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>A resource, data source, variable or output with its body as hcl2json renders it.</summary>
/// <remarks>hcl2json writes every nested block as an array of objects and every expression as a <c>${…}</c> string.</remarks>
internal sealed record HclBlock(string Kind, string Type, string Name, JsonObject Body, string File)
{
    public string Address => Kind switch
    {
        "resource" => $"{Type}.{Name}",
        "data" => $"data.{Type}.{Name}",
        _ => $"{Kind}.{Name}",
    };

    public JsonNode? this[string attribute] => Body[attribute];

    /// <summary>The attribute as written: a literal string, or an expression such as <c>${local.x}</c>; null when absent.</summary>
    public string? Text(string attribute) => Hcl.Text(Body[attribute]);

    /// <summary>The nested blocks of that name (<c>statement</c>, <c>health_check</c>, …), in order.</summary>
    public IReadOnlyList<JsonObject> Blocks(string name) => Hcl.Blocks(Body, name);

    public override string ToString() => $"{Address} ({File})";
}
