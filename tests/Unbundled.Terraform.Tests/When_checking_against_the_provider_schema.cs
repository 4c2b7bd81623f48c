using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>Every resource, data source and provider block against the AWS provider's schema, as terraform validate would.</summary>
public sealed class When_checking_against_the_provider_schema
{
    [Fact]
    public async Task Should_know_every_resource_and_data_source_type()
    {
        var (configuration, schema) = await ProviderSchema.LoadWithConfiguration();

        Assert.All(configuration.AllResourcesAndDataSources, block =>
            Assert.True(schema.Of(block.Kind, block.Type) is not null, $"{block}: the AWS provider {schema.ProviderVersion} has no {block.Kind} type {block.Type}."));
    }

    [Fact]
    public async Task Should_find_every_argument_and_block_in_the_schema_and_every_required_one_set()
    {
        var (configuration, schema) = await ProviderSchema.LoadWithConfiguration();

        var problems =
            from block in configuration.AllResourcesAndDataSources
            where schema.Of(block.Kind, block.Type) is not null
            from problem in SchemaCheck.Problems(block, schema.Of(block.Kind, block.Type)!)
            select problem;
        var providerProblems =
            from provider in configuration.Providers
            from problem in SchemaCheck.Problems($"provider.{provider.Name} ({provider.File})", "the aws provider", provider.Body, schema.ProviderBlock, SchemaCheck.DataMetaArguments)
            select problem;

        var all = problems.Concat(providerProblems).ToList();
        Assert.True(all.Count == 0, string.Join(Environment.NewLine, all));
    }

    [Fact]
    public async Task Should_pin_the_provider_version_the_schema_belongs_to()
    {
        var (configuration, schema) = await ProviderSchema.LoadWithConfiguration();

        var aws = Assert.Single(Hcl.Blocks(Assert.Single(configuration.TerraformSettings), "required_providers"))["aws"];
        Assert.EndsWith(Hcl.Text(aws?["source"]) ?? "", schema.ProviderSource);
        Assert.Equal(schema.ProviderVersion, Hcl.Text(aws?["version"]));
    }
}
