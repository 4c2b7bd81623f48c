namespace Unbundled.Messaging.Topology;

/// <summary>
/// ARNs in one partition, region and account. The partition comes from the region (aws, aws-cn, aws-us-gov, …), never a
/// literal <c>arn:aws:</c>; where a part is not known (the account, offline), it stays a <c>{placeholder}</c>.
/// </summary>
public sealed record Arns(string Partition, string Region, string Account)
{
    public const string AnyPartition = "{partition}";
    public const string AnyRegion = "{region}";
    public const string AnyAccount = "{account}";

    /// <summary><c>arn:{partition}:{service}:{region}:{account}:{resource}</c>.</summary>
    public string For(string service, string resource) => $"arn:{Partition}:{service}:{Region}:{Account}:{resource}";

    public string Queue(string name) => For("sqs", name);

    public string Topic(string name) => For("sns", name);

    public string Table(string name) => For("dynamodb", "table/" + name);
}
