using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Unbundled.Messaging.AmazonSqs.Configuration;

/// <summary>Credentials and region from the AWS SDK's default chains, for clients the SDK does not build for us.</summary>
internal static class AwsEnvironment
{
    // One resolver for the process: it caches what it found, and the credentials it returns refresh themselves (SSO, IMDS, ECS).
    private static readonly DefaultAWSCredentialsIdentityResolver CredentialsResolver = new();

    /// <summary>Environment variables, profiles, web identity, container and instance credentials, in the SDK's order.</summary>
    public static Task<AWSCredentials> Credentials(CancellationToken cancellationToken = default) =>
        CredentialsResolver.ResolveIdentityAsync(null, cancellationToken);

    /// <summary>AWS_REGION / AWS_DEFAULT_REGION, the profile, then instance metadata.</summary>
    public static RegionEndpoint Region() =>
        FallbackRegionFactory.GetRegionEndpoint()
        ?? throw new InvalidOperationException("No AWS region is configured: set AWS_REGION (or a region in the AWS profile).");
}
