using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>
/// The statements of one task (or function) role's policy as terraform renders it: its document's own and those of its
/// <c>source_policy_documents</c>, each evaluated for the instance (<c>each.key</c>) it names.
/// </summary>
/// <param name="policyResource">The <c>aws_iam_role_policy</c>: <c>task</c> (ECS) or <c>function</c> (Lambda).</param>
internal sealed partial class RolePolicy(TerraformConfiguration configuration, TerraformValues values, string role, string policyResource = "task")
{
    public IReadOnlyList<(JsonObject Statement, string? EachKey)> Statements
    {
        get
        {
            var policy = configuration.Instances(configuration.Resource("aws_iam_role_policy", policyResource)).Single(instance => instance.Key == role).Text("policy");
            var document = Hcl.Text(configuration.Locals[PerInstance().Match(policy ?? "").Groups["local"].Value]?[role]);
            return [.. Of(Policies.DocumentName(document), eachKey: role)];
        }
    }

    /// <summary>Every (action, resource) pair the role's Allow statements grant.</summary>
    public IReadOnlySet<(string Action, string Resource)> Allowed =>
        (from entry in Statements
         where Policies.Allows(entry.Statement)
         from action in Policies.Actions(entry.Statement)
         from expression in Policies.Resources(entry.Statement)
         from resource in values.Resolve(expression, entry.EachKey)
         select (action, resource)).ToHashSet();

    private IEnumerable<(JsonObject, string?)> Of(string documentName, string? eachKey)
    {
        var document = configuration.DataSource("aws_iam_policy_document", documentName);
        foreach (var source in Hcl.Strings(document["source_policy_documents"]))
        {
            var reference = SourceDocument().Match(source);
            Assert.True(reference.Success, $"{document}: source {source} should be another aws_iam_policy_document's json.");
            foreach (var statement in Of(reference.Groups["name"].Value, reference.Groups["key"].Success ? reference.Groups["key"].Value : eachKey))
            {
                yield return statement;
            }
        }

        foreach (var statement in document.Blocks("statement"))
        {
            yield return (statement, eachKey);
        }
    }

    [GeneratedRegex(@"^\$\{local\.(?<local>\w+)\[each\.key\]\}$")]
    private static partial Regex PerInstance();

    [GeneratedRegex(@"^\$\{data\.aws_iam_policy_document\.(?<name>\w+)(\[(""(?<key>[\w-]+)""|each\.key)\])?\.json\}$")]
    private static partial Regex SourceDocument();
}
