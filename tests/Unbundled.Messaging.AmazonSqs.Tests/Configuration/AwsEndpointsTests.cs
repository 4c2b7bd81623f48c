using Amazon;
using Amazon.SQS;
using Unbundled.Aws;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Configuration;

public sealed class AwsEndpointsTests
{
    private static AwsEndpoints With(params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return new AwsEndpoints(name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public void Uses_the_public_regional_endpoint_without_overrides()
    {
        var endpoints = With();

        Assert.Equal(new Uri("https://sns.eu-west-1.amazonaws.com/"), endpoints.Resolve(AwsEndpoints.Sns, RegionEndpoint.EUWest1));
        Assert.Equal(new Uri("https://sqs.eu-west-1.amazonaws.com/"), endpoints.Resolve(AwsEndpoints.Sqs, RegionEndpoint.EUWest1));
        Assert.Equal(new Uri("https://dynamodb.cn-north-1.amazonaws.com.cn/"), endpoints.Resolve(AwsEndpoints.DynamoDb, RegionEndpoint.CNNorth1));
    }

    [Fact]
    public void A_service_specific_variable_beats_the_global_one()
    {
        var endpoints = With(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), ("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:4567"));

        Assert.Equal(new Uri("http://127.0.0.1:4566/"), endpoints.Resolve(AwsEndpoints.Sns, RegionEndpoint.USEast1));
        Assert.Equal(new Uri("http://127.0.0.1:4567/"), endpoints.Resolve(AwsEndpoints.DynamoDb, RegionEndpoint.USEast1));
    }

    [Fact]
    public void Overrides_can_be_switched_off_as_in_the_sdks()
    {
        var endpoints = With(("AWS_ENDPOINT_URL_SNS", "http://127.0.0.1:4566"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        Assert.Null(endpoints.OverrideFor(AwsEndpoints.Sns));
    }

    [Fact]
    public void An_sqs_config_gets_the_override_as_service_url_and_signs_for_the_region()
    {
        var config = With(("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:4566")).Configure(new AmazonSQSConfig(), AwsEndpoints.Sqs, RegionEndpoint.EUWest1);

        Assert.Equal("http://127.0.0.1:4566/", config.ServiceURL);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
    }

    [Fact]
    public void An_sqs_config_without_override_names_the_region()
    {
        var config = With().Configure(new AmazonSQSConfig(), AwsEndpoints.Sqs, RegionEndpoint.EUWest1);

        Assert.Equal(RegionEndpoint.EUWest1, config.RegionEndpoint);
        Assert.Null(config.ServiceURL);
    }

    [Fact]
    public void Rejects_a_variable_that_is_not_an_http_url() =>
        Assert.Throws<InvalidOperationException>(() => With(("AWS_ENDPOINT_URL_SNS", "localhost:4566")).OverrideFor(AwsEndpoints.Sns));
}
