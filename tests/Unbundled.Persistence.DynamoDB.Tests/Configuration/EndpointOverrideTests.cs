using Unbundled.Persistence.DynamoDB.Configuration;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.Configuration;

public sealed class EndpointOverrideTests
{
    [Fact]
    public void The_service_variable_wins_over_the_general_one() =>
        Assert.Equal(new Uri("http://127.0.0.1:4567/"), EndpointOverride.For("DYNAMODB", Variables(
            ("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:4567"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"))));

    [Fact]
    public void The_general_variable_applies_when_the_service_has_none() =>
        Assert.Equal(new Uri("http://localhost:4566/"), EndpointOverride.For("DYNAMODB", Variables(("AWS_ENDPOINT_URL", " http://localhost:4566 "))));

    [Fact]
    public void No_variable_means_the_regional_endpoint() => Assert.Null(EndpointOverride.For("DYNAMODB", Variables()));

    [Fact]
    public void Ignoring_configured_endpoints_turns_the_overrides_off() =>
        Assert.Null(EndpointOverride.For("DYNAMODB", Variables(("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:4567"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE"))));

    [Fact]
    public void A_value_that_is_not_an_http_url_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => EndpointOverride.For("DYNAMODB", Variables(("AWS_ENDPOINT_URL_DYNAMODB", "127.0.0.1:4567"))));

    private static Func<string, string?> Variables(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
