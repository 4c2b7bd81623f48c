namespace Unbundled.Shell;

/// <summary>Where the local stand-ins of <c>--shell aws-local</c> serve SQS, SNS and DynamoDB; the AWS shell signs for them with throwaway credentials.</summary>
public sealed record AwsStandInUrls(Uri SqsServiceUrl, Uri SnsServiceUrl, Uri DynamoDbServiceUrl);
