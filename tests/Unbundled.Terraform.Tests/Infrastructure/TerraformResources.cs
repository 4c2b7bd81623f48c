using Unbundled.Messaging.Topology;

namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>
/// The configuration's queues, topics, subscriptions, queue policies and tables, each described in one line the way
/// <see cref="Describe(QueueResource)"/> and its siblings describe the topology's, so the two compare as sets of text.
/// </summary>
internal sealed class TerraformResources(TerraformConfiguration configuration, TerraformValues values)
{
    /// <summary>The queues the ServiceControl platform reads for itself (docs/wire-format.md §6.1); the code neither needs nor sends to them.</summary>
    public static bool IsServiceControlPlatformQueue(string name) =>
        name.StartsWith(CodeTopology.Prefix + "Particular-", StringComparison.Ordinal);

    public static string Describe(QueueResource queue) => queue.Fifo ? $"{queue.Name} (FIFO, delay {queue.DelaySeconds} s)" : queue.Name;

    public static string Describe(SubscriptionResource subscription) =>
        $"{subscription.Topic} -> {subscription.Queue} ({(subscription.RawMessageDelivery ? "raw" : "wrapped")})";

    public static string Describe(QueuePolicyResource policy) => $"{policy.Queue}: principal {policy.Principal} may {policy.Action} from {policy.SourceArn}";

    public static string Describe(TableResource table) => $"{table.Name} (hash {table.HashKey}, range {table.RangeKey}, TTL on {table.TimeToLiveAttribute})";

    public IEnumerable<string> Queues() =>
        from queue in configuration.Instances("aws_sqs_queue")
        let name = values.NameOf(queue)
        where !IsServiceControlPlatformQueue(name)
        select Describe(new QueueResource(name, Hcl.Bool(queue.Resource["fifo_queue"]) == true, (int)(Hcl.Number(queue.Resource["delay_seconds"]) ?? 0), 0, false));

    public IEnumerable<string> Topics() => configuration.Instances("aws_sns_topic").Select(values.NameOf);

    public IEnumerable<string> Subscriptions() =>
        from subscription in configuration.Instances("aws_sns_topic_subscription")
        select Hcl.Text(subscription.Resource["protocol"]) == "sqs"
            ? Describe(new SubscriptionResource(
                NameIn(subscription.Text("topic_arn")), NameIn(subscription.Text("endpoint")), Hcl.Bool(subscription.Resource["raw_message_delivery"]) == true))
            : $"{subscription} over {Hcl.Text(subscription.Resource["protocol"])}";

    public IEnumerable<string> QueuePolicies() =>
        from policy in configuration.Instances("aws_sqs_queue_policy")
        let queue = values.Resolve(policy.Text("queue_url") ?? "").Single()
        from statement in configuration.DataSource("aws_iam_policy_document", Policies.DocumentName(policy.Text("policy"))).Blocks("statement")
        from action in Policies.Actions(statement)
        from principal in Hcl.Blocks(statement, "principals").SelectMany(p => Hcl.Strings(p["identifiers"]).Select(id => $"{Hcl.Text(p["type"])} {id}"))
        from condition in Hcl.Blocks(statement, "condition")
        from source in Hcl.Strings(condition["values"]).SelectMany(value => values.Resolve(value))
        select Policies.Allows(statement) && Hcl.Text(condition["test"]) == "ArnLike" && Hcl.Text(condition["variable"]) == "aws:SourceArn"
            ? Describe(new QueuePolicyResource(queue, action, principal == "AWS *" ? "*" : principal, source))
            : $"{queue}: a statement of another shape ({Hcl.Text(condition["test"])} {Hcl.Text(condition["variable"])})";

    public IEnumerable<string> Tables() =>
        from table in configuration.Instances("aws_dynamodb_table")
        let ttl = table.Resource.Blocks("ttl").SingleOrDefault(block => Hcl.Bool(block["enabled"]) == true)
        select Describe(new TableResource(values.NameOf(table), table.Text("hash_key") ?? "", table.Text("range_key") ?? "", Hcl.Text(ttl?["attribute_name"]) ?? "none"));

    /// <summary>The name at the end of an ARN reference (a topic's or a queue's).</summary>
    private string NameIn(string? reference) => values.Resolve(reference ?? "").Single().Split(':')[^1];
}
