using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>The statements of the configuration's <c>aws_iam_policy_document</c>s.</summary>
internal static partial class Policies
{
    /// <summary>The document a <c>policy</c> attribute refers to: <c>${data.aws_iam_policy_document.NAME.json}</c> gives NAME.</summary>
    public static string DocumentName(string? reference)
    {
        var match = DocumentReference().Match(reference ?? "");
        Assert.True(match.Success, $"'{reference}' should be the json of an aws_iam_policy_document, so the checks can read it.");
        return match.Groups["name"].Value;
    }

    /// <summary>
    /// What a <c>policy</c> attribute refers to: itself, or, for a per-instance pick such as
    /// <c>${local.task_policies[each.key]}</c>, every entry of that map local.
    /// </summary>
    public static IReadOnlyList<string?> References(TerraformConfiguration configuration, string? policy) =>
        PerInstanceLocal().Match(policy ?? "") is { Success: true } pick
            ? [.. configuration.StringMap(pick.Groups["name"].Value).Values]
            : [policy];

    public static IEnumerable<(HclBlock Document, JsonObject Statement)> Statements(TerraformConfiguration configuration) =>
        from document in configuration.DataSources("aws_iam_policy_document")
        from statement in document.Blocks("statement")
        select (document, statement);

    public static bool Allows(JsonObject statement) => (Hcl.Text(statement["effect"]) ?? "Allow") == "Allow";

    public static IReadOnlyList<string> Actions(JsonObject statement) => Hcl.Strings(statement["actions"]);

    public static IReadOnlyList<string> Resources(JsonObject statement) => Hcl.Strings(statement["resources"]);

    [GeneratedRegex(@"^\$\{local\.(?<name>[A-Za-z0-9_]+)\[each\.key\]\}$")]
    private static partial Regex PerInstanceLocal();

    [GeneratedRegex(@"^\$\{data\.aws_iam_policy_document\.(?<name>[A-Za-z0-9_]+)(\[[^\]]+\])?\.json\}$")]
    private static partial Regex DocumentReference();
}
