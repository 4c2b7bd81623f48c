using System.Text.RegularExpressions;
using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>Every reference in an expression names something the configuration declares, as terraform validate checks.</summary>
public sealed partial class When_resolving_references
{
    [Fact]
    public async Task Should_declare_every_variable_local_resource_and_data_source_referred_to()
    {
        var configuration = await TerraformConfiguration.Load();
        var declared = Declared(configuration);

        var unresolved =
            from text in configuration.AllStrings
            where Hcl.IsExpression(text.Text)
            from reference in References(text.Text)
            where !declared.Contains(reference)
            select $"{text.File}: {reference}";

        Assert.Empty(unresolved.Distinct());
    }

    [Fact]
    public void Should_find_the_references_in_an_expression()
    {
        var references = References("${merge(var.tags, { Name = local.resource_prefix })}-${aws_sqs_queue.error.arn}-${data.aws_partition.current.partition}-${each.key}");

        Assert.Equal(["var.tags", "local.resource_prefix", "aws_sqs_queue.error", "data.aws_partition.current"], references);
    }

    private static HashSet<string> Declared(TerraformConfiguration configuration) =>
    [
        .. configuration.Variables.Select(variable => variable.Address.Replace("variable.", "var.", StringComparison.Ordinal)),
        .. configuration.Locals.Select(local => $"local.{local.Key}"),
        .. configuration.AllResourcesAndDataSources.Select(block => block.Address),
    ];

    private static IEnumerable<string> References(string expression) =>
        Reference().Matches(expression).Select(match => match.Value);

    // var.NAME, local.NAME, data.TYPE.NAME and TYPE.NAME of an AWS resource; not each.*, count.*, or a dynamic block's iterator.
    [GeneratedRegex(@"(?<![\w.])(var\.\w+|local\.\w+|data\.aws_\w+\.\w+|aws_\w+\.\w+)")]
    private static partial Regex Reference();
}
