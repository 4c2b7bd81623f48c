namespace Unbundled.Persistence.DynamoDB.Configuration;

/// <summary>
/// The standard endpoint override of an AWS service: <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, both
/// off when <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>. The transport's <c>AwsEndpoints</c> answers the same question,
/// but a persistence must not reference a transport (nor its SQS SDK), so this is the few lines it needs.
/// </summary>
internal static class EndpointOverride
{
    public const string DynamoDb = "DYNAMODB";

    public static Uri? For(string serviceId, Func<string, string?> readVariable)
    {
        if (string.Equals(readVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Parse("AWS_ENDPOINT_URL_" + serviceId, readVariable) ?? Parse("AWS_ENDPOINT_URL", readVariable);
    }

    private static Uri? Parse(string variable, Func<string, string?> readVariable)
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
