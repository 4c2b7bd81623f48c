using System.Text.RegularExpressions;
using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>Every reference in the configuration names something it declares: a resource, data source, variable or local.</summary>
public sealed partial class When_resolving_references
{
    [Fact]
    public async Task Every_reference_resolves_to_a_declaration()
    {
        var configuration = await TerraformConfiguration.Load();
        var declared = configuration.Declarations();

        var references = configuration.Expressions().SelectMany(References).Distinct().ToList();

        Assert.Contains("var.name_prefix", references);
        Assert.Contains("data.aws_partition.current", references);
        Assert.All(references, reference => Assert.True(declared.Contains(reference), $"{reference} is referenced but not declared."));
    }

    [Fact]
    public void Should_find_the_references_of_an_expression()
    {
        string[] found = [.. References("${[for q in local.queues[each.key] : aws_sqs_queue.delay[q].arn]} ${data.aws_iam_policy_document.x.json} ${var.region}")];

        Assert.Equal(["local.queues", "aws_sqs_queue.delay", "data.aws_iam_policy_document.x", "var.region"], found);
    }

    private static IEnumerable<string> References(string expression) =>
        Reference().Matches(expression).Select(match => match.Groups["ref"].Value);

    [GeneratedRegex(@"(?<![\w.])(?<ref>data\.aws_\w+\.\w+|aws_\w+\.\w+|var\.\w+|local\.\w+)")]
    private static partial Regex Reference();
}
