namespace Unbundled.Shell;

public enum ShellKind
{
    /// <summary>No cloud: queues as folders, SQLite, all under the data folder.</summary>
    Embedded,

    /// <summary>Amazon SQS/SNS and DynamoDB, wherever the AWS environment points.</summary>
    Aws,

    /// <summary>The AWS shell against local stand-ins started by the process itself.</summary>
    AwsLocal,

    /// <summary>The AWS shell inside a Lambda function: the event source mapping feeds the main queue (docs/lambda.md).</summary>
    Lambda,
}
