using Amazon;
using Amazon.Runtime;

namespace Unbundled.Aws;

/// <summary>
/// Where each AWS service is reached: the standard <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variable, then <c>AWS_ENDPOINT_URL</c>,
/// else the public regional endpoint. <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c> turns the overrides off, as in the SDKs.
/// </summary>
/// <remarks>
/// AWSSDK.Core 4.1.0 already honours these variables for its own clients: with <c>AWS_ENDPOINT_URL_SQS</c> or <c>AWS_ENDPOINT_URL</c>
/// set, a new SQS client reports it as <see cref="ClientConfig.ServiceURL"/>, and an explicit ServiceURL still wins.
/// We resolve them ourselves anyway because our SNS client is not an SDK client, and so that one place decides, and logs, where
/// the endpoint talks to; <see cref="Configure{TConfig}"/> hands the same answer to the SDK clients (SQS, DynamoDB), and
/// <see cref="PointAt{TConfig}"/> points one at a given address (the local stand-ins).
/// </remarks>
public sealed class AwsEndpoints(Func<string, string?> readVariable)
{
    public const string Sns = "SNS";
    public const string Sqs = "SQS";
    public const string DynamoDb = "DYNAMODB";

    public static AwsEndpoints FromEnvironment { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>The configured override for a service (its id as in <c>AWS_ENDPOINT_URL_&lt;ID&gt;</c>), or null.</summary>
    public Uri? OverrideFor(string serviceId)
    {
        if (string.Equals(readVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Parse("AWS_ENDPOINT_URL_" + serviceId) ?? Parse("AWS_ENDPOINT_URL");
    }

    /// <summary>The override, else <c>https://{endpointPrefix}.{region}.{partition suffix}</c>.</summary>
    public Uri Resolve(string serviceId, RegionEndpoint region) =>
        OverrideFor(serviceId) ?? new Uri($"https://{serviceId.ToLowerInvariant()}.{region.SystemName}.{region.PartitionDnsSuffix}/");

    /// <summary>Points an SDK client config at the override when there is one (signing for <paramref name="region"/>), else at the region.</summary>
    public TConfig Configure<TConfig>(TConfig config, string serviceId, RegionEndpoint region)
        where TConfig : ClientConfig
    {
        if (OverrideFor(serviceId) is { } serviceUrl)
        {
            return PointAt(config, serviceUrl, region);
        }

        config.RegionEndpoint = region;
        return config;
    }

    /// <summary>Points an SDK client config at <paramref name="serviceUrl"/>, signing for <paramref name="region"/>.</summary>
    public static TConfig PointAt<TConfig>(TConfig config, Uri serviceUrl, RegionEndpoint region)
        where TConfig : ClientConfig
    {
        config.ServiceURL = serviceUrl.ToString();
        config.AuthenticationRegion = region.SystemName;
        return config;
    }

    private Uri? Parse(string variable)
    {
        var value = readVariable(variable)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"{variable}='{value}' is not an absolute http(s) URL.");
    }
}
