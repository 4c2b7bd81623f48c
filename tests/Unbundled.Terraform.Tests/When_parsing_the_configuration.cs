using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

public sealed class When_parsing_the_configuration
{
    public static TheoryData<string> Files => [.. TerraformConfiguration.FileNames];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_file_parses(string file)
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.False(configuration.ParseErrors.TryGetValue(file, out var error), $"{file}: {error}");
    }

    [Fact]
    public void The_folder_has_the_standard_module_files_and_a_readme()
    {
        foreach (var file in new[] { "main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md" })
        {
            Assert.True(File.Exists(Path.Combine(TerraformLayout.Terraform, file)), $"terraform/{file} is missing.");
        }
    }

    [Fact]
    public async Task Terraform_1_6_and_the_hashicorp_aws_provider_are_required()
    {
        var configuration = await TerraformConfiguration.Load();

        var settings = Assert.Single(configuration.TerraformSettings);
        Assert.Equal(">= 1.6", Hcl.Text(settings["required_version"]));
        var aws = Assert.Single(Hcl.Blocks(settings, "required_providers"))["aws"];
        Assert.Equal("hashicorp/aws", Hcl.Text(aws?["source"]));
    }

    [Fact]
    public async Task Every_variable_has_a_description_and_a_type()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.NotEmpty(configuration.Variables);
        Assert.All(configuration.Variables, variable =>
        {
            Assert.False(string.IsNullOrWhiteSpace(variable.Text("description")), $"{variable} has no description.");
            Assert.NotNull(variable["type"]);
        });
    }

    [Fact]
    public async Task Every_output_has_a_description()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.NotEmpty(configuration.Outputs);
        Assert.All(configuration.Outputs, output =>
            Assert.False(string.IsNullOrWhiteSpace(output.Text("description")), $"{output} has no description."));
    }

    [Fact]
    public async Task The_readme_names_every_variable_and_output()
    {
        var configuration = await TerraformConfiguration.Load();
        var readme = await File.ReadAllTextAsync(Path.Combine(TerraformLayout.Terraform, "README.md"));

        Assert.All(configuration.Variables.Concat(configuration.Outputs), block =>
            Assert.True(readme.Contains($"`{block.Name}`", StringComparison.Ordinal), $"terraform/README.md does not mention {block.Address}."));
    }

    [Fact]
    public async Task The_outputs_give_the_api_url_the_queue_urls_the_topic_and_the_table()
    {
        var configuration = await TerraformConfiguration.Load();

        var outputs = configuration.Outputs.Select(output => output.Name).ToHashSet();
        string[] wanted = ["api_url", "endpoint_queue_urls", "delay_queue_urls", "error_queue_url", "audit_queue_url", "customer_invited_topic_arn", "table_name"];
        Assert.Subset(outputs, wanted.ToHashSet());
    }
}
