using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>Every <c>terraform/*.tf</c> file, parsed once per test run with @cdktf/hcl2json and merged as terraform merges them.</summary>
internal sealed partial class TerraformConfiguration
{
    private static readonly Lazy<Task<TerraformConfiguration>> Parsed = new(Parse);

    private readonly IReadOnlyDictionary<string, JsonObject> files;

    private TerraformConfiguration(IReadOnlyDictionary<string, JsonObject> files, IReadOnlyDictionary<string, string> parseErrors)
    {
        this.files = files;
        ParseErrors = parseErrors;
        Locals = MergeLocals(files);
    }

    /// <summary>The names of the <c>.tf</c> files in the terraform folder.</summary>
    public static IReadOnlyList<string> FileNames =>
        [.. Directory.GetFiles(TerraformLayout.Terraform, "*.tf").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>Why a file did not parse, by file name; the other accessors see only the files that did.</summary>
    public IReadOnlyDictionary<string, string> ParseErrors { get; }

    /// <summary>All <c>locals</c> blocks of all files as one object.</summary>
    public JsonObject Locals { get; }

    public IEnumerable<HclBlock> Variables => Blocks("variable");

    public IEnumerable<HclBlock> Outputs => Blocks("output");

    public IEnumerable<JsonObject> TerraformSettings =>
        files.Values.SelectMany(file => Hcl.Blocks(file, "terraform"));

    public static Task<TerraformConfiguration> Load() => Parsed.Value;

    public IEnumerable<HclBlock> Resources(string type) => TypedBlocks("resource", type);

    public HclBlock Resource(string type, string name) => Single(Resources(type), $"{type}.{name}", name);

    public IEnumerable<HclBlock> DataSources(string type) => TypedBlocks("data", type);

    public HclBlock DataSource(string type, string name) => Single(DataSources(type), $"data.{type}.{name}", name);

    public HclBlock Variable(string name) => Single(Variables, $"variable.{name}", name);

    /// <summary>A local that is a map of literal strings, such as the endpoint queue names.</summary>
    public IReadOnlyDictionary<string, string> StringMap(string local) =>
        Locals[local] is JsonObject map
            ? map.ToDictionary(entry => entry.Key, entry => Hcl.Text(entry.Value) ?? throw new InvalidOperationException($"local.{local}.{entry.Key} is not a string."))
            : throw new InvalidOperationException($"local.{local} is not a map of literals.");

    /// <summary>
    /// The instances of a resource: one, or one per entry of the map local its <c>for_each</c> runs over (also behind a
    /// condition such as <c>var.x ? local.map : {}</c>, where the entries are those created when the condition holds).
    /// </summary>
    public IReadOnlyList<ResourceInstance> Instances(HclBlock resource)
    {
        if (resource.Text("for_each") is not { } forEach)
        {
            return [new ResourceInstance(resource, null, null)];
        }

        var local = Assert.Single(LocalReference().Matches(forEach)).Groups["name"].Value;
        return [.. StringMap(local).Select(entry => new ResourceInstance(resource, entry.Key, entry.Value))];
    }

    public IReadOnlyList<ResourceInstance> Instances(string type) => [.. Resources(type).SelectMany(Instances)];

    /// <summary>Every declared name a reference can point at: <c>aws_x.name</c>, <c>data.aws_x.name</c>, <c>var.name</c>, <c>local.name</c>.</summary>
    public IReadOnlySet<string> Declarations() =>
        files.Values.SelectMany(file =>
            Children(file["resource"]).SelectMany(type => Children(type.Value).Select(name => $"{type.Key}.{name.Key}"))
                .Concat(Children(file["data"]).SelectMany(type => Children(type.Value).Select(name => $"data.{type.Key}.{name.Key}")))
                .Concat(Children(file["variable"]).Select(variable => $"var.{variable.Key}")))
            .Concat(Locals.Select(local => $"local.{local.Key}"))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every string of every file that holds an expression (<c>${…}</c>).</summary>
    public IEnumerable<string> Expressions() => files.Values.SelectMany(Strings).Where(Hcl.IsExpression);

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Children(JsonNode? node) => node as JsonObject ?? [];

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(entry => Strings(entry.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when Hcl.Text(value) is { } text => [text],
        _ => [],
    };

    private static async Task<TerraformConfiguration> Parse()
    {
        var paths = FileNames.Select(name => Path.Combine(TerraformLayout.Terraform, name)).ToList();
        var output = await NodeTools.RunScript("hcl2json.mjs", paths);
        var results = JsonNode.Parse(output)?.AsObject() ?? throw new InvalidOperationException("hcl2json.mjs printed nothing.");

        var parsed = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, result) in results)
        {
            var name = Path.GetFileName(path);
            if (result?["json"] is JsonObject json)
            {
                parsed[name] = json;
            }
            else
            {
                errors[name] = Hcl.Text(result?["error"]) ?? "no result";
            }
        }

        return new TerraformConfiguration(parsed, errors);
    }

    private static JsonObject MergeLocals(IReadOnlyDictionary<string, JsonObject> files)
    {
        var merged = new JsonObject();
        foreach (var block in files.Values.SelectMany(file => Hcl.Blocks(file, "locals")))
        {
            foreach (var (name, value) in block)
            {
                // Terraform rejects a local defined twice, so a duplicate here is a broken configuration.
                merged.Add(name, value?.DeepClone());
            }
        }

        return merged;
    }

    private IEnumerable<HclBlock> TypedBlocks(string kind, string type) =>
        from file in files
        where file.Value[kind]?[type] is JsonObject
        from named in file.Value[kind]![type]!.AsObject()
        from body in Hcl.Blocks(file.Value[kind]![type]!.AsObject(), named.Key)
        select new HclBlock(kind, type, named.Key, body, file.Key);

    private IEnumerable<HclBlock> Blocks(string kind) =>
        from file in files
        where file.Value[kind] is JsonObject
        from named in file.Value[kind]!.AsObject()
        from body in Hcl.Blocks(file.Value[kind]!.AsObject(), named.Key)
        select new HclBlock(kind, "", named.Key, body, file.Key);

    private static HclBlock Single(IEnumerable<HclBlock> blocks, string address, string name)
    {
        var matches = blocks.Where(block => block.Name == name).ToList();
        return matches.Count == 1 ? matches[0] : throw new InvalidOperationException($"Expected one {address}, found {matches.Count}.");
    }

    [GeneratedRegex(@"\blocal\.(?<name>[A-Za-z0-9_]+)")]
    private static partial Regex LocalReference();
}
