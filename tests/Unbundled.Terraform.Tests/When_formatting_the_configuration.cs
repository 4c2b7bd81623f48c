using System.Text.Json.Nodes;
using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>
/// `terraform fmt` style: each file is as hclwrite.Format (through @cdktf/hcl-tools, the formatter terraform fmt is
/// built on) leaves it, so a `terraform fmt -check` in a user's pipeline finds nothing to change.
/// </summary>
public sealed class When_formatting_the_configuration
{
    public static TheoryData<string> Files => [.. TerraformConfiguration.FileNames];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Should_be_formatted_as_terraform_fmt_formats_it(string file)
    {
        var path = Path.Combine(TerraformLayout.Terraform, file);

        var formatted = await Format(path);

        var written = await File.ReadAllTextAsync(path);
        Assert.True(formatted == written, $"terraform/{file} is not formatted: {FirstDifference(written, formatted)}");
    }

    [Fact]
    public async Task Should_notice_misaligned_equals_signs()
    {
        var path = Path.Combine(Path.GetTempPath(), $"unformatted-{Guid.NewGuid():N}.tf");
        await File.WriteAllTextAsync(path, "resource \"aws_sqs_queue\" \"error\" {\n  name = \"error\"\n  message_retention_seconds = 1209600\n}\n");
        try
        {
            var formatted = await Format(path);

            Assert.Contains("  name                      = \"error\"\n", formatted);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> Format(string path)
    {
        var output = await NodeTools.RunScript("hcl-format.mjs", [path]);
        return Hcl.Text(JsonNode.Parse(output)?[path]) ?? throw new InvalidOperationException($"hcl-format.mjs gave nothing for {path}.");
    }

    private static string FirstDifference(string written, string formatted)
    {
        var writtenLines = written.Split('\n');
        var formattedLines = formatted.Split('\n');
        var line = Enumerable.Range(0, Math.Min(writtenLines.Length, formattedLines.Length)).FirstOrDefault(
            index => writtenLines[index] != formattedLines[index], Math.Min(writtenLines.Length, formattedLines.Length) - 1);
        return $"line {line + 1} is '{writtenLines.ElementAtOrDefault(line)}', formatted '{formattedLines.ElementAtOrDefault(line)}'.";
    }
}
