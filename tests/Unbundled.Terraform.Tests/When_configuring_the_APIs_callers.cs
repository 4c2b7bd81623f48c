using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>The API's authentication and rate limit settings reach its container, off unless set, the keys kept secret.</summary>
public sealed class When_configuring_the_APIs_callers
{
    [Theory]
    [InlineData("Unbundled__Api__Auth__Jwt__Authority", "var.api_auth_jwt_authority")]
    [InlineData("Unbundled__Api__Auth__Jwt__Audience", "var.api_auth_jwt_audience")]
    [InlineData("Unbundled__Api__Auth__ApiKeys__", "var.api_auth_api_keys")]
    [InlineData("Unbundled__Api__Auth__PublicQueries", "var.api_public_queries")]
    [InlineData("Unbundled__Api__RateLimit__PermitLimit", "var.api_rate_limit_permits")]
    [InlineData("Unbundled__Api__RateLimit__WindowSeconds", "var.api_rate_limit_window_seconds")]
    public async Task Each_setting_is_passed_to_the_API_from_its_variable(string setting, string variable)
    {
        var configuration = await TerraformConfiguration.Load();

        var environment = Hcl.Text(configuration.Locals["api_callers_environment"]);
        Assert.Contains(setting, environment);
        Assert.Contains(variable, environment);
        Assert.Contains("local.api_callers_environment", Hcl.Text(configuration.Locals["extra_environment"]!["api"]));
    }

    [Fact]
    public async Task Everything_is_off_by_default_and_the_API_keys_are_sensitive()
    {
        var configuration = await TerraformConfiguration.Load();

        Assert.Null(Hcl.Text(configuration.Variable("api_auth_jwt_authority")["default"]));
        Assert.Empty(Hcl.Strings(configuration.Variable("api_auth_api_keys")["default"]));
        Assert.Equal(true, Hcl.Bool(configuration.Variable("api_auth_api_keys")["sensitive"]));
        Assert.Equal(0, Hcl.Number(configuration.Variable("api_rate_limit_permits")["default"]));
    }
}
