using System.Text.Json.Nodes;

namespace Unbundled.Messaging.AmazonSqs.Sns;

/// <summary>
/// The SQS queue policy that lets SNS topics deliver to a subscribed queue, as NServiceBus.AmazonSQS writes it (docs/wire-format.md §3.2):
/// Allow, Principal <c>{"AWS":"*"}</c>, <c>sqs:SendMessage</c> on the queue, <c>ArnLike aws:SourceArn</c> = the sorted topic ARNs or wildcards.
/// </summary>
/// <remarks>
/// All our grants for a queue live in one statement: a merge folds every earlier statement of that shape (ours, or the
/// one-statement-per-topic policies older NServiceBus versions wrote) into it, because SQS caps policy size. Other statements are kept.
/// </remarks>
internal static class QueuePolicy
{
    public const string Version = "2012-10-17";

    /// <summary>A fresh policy with our one statement.</summary>
    public static string Create(string queueArn, IEnumerable<string> sourceArns) =>
        Merge(null, queueArn, sourceArns) ?? throw new ArgumentException("At least one source ARN is needed.", nameof(sourceArns));

    /// <summary>
    /// Adds <paramref name="sourceArns"/> to the queue's existing policy, or returns null when it already lets them all through
    /// with a single statement, so the caller can skip SetQueueAttributes.
    /// </summary>
    public static string? Merge(string? existingPolicy, string queueArn, IEnumerable<string> sourceArns)
    {
        var policy = string.IsNullOrWhiteSpace(existingPolicy)
            ? new JsonObject { ["Version"] = Version }
            : JsonNode.Parse(existingPolicy) as JsonObject ?? throw new FormatException("The queue policy is not a JSON object.");

        var statements = policy["Statement"] switch
        {
            JsonArray array => array.ToList(),
            JsonObject single => [single],
            _ => [],
        };

        var ours = statements.OfType<JsonObject>().Where(s => QueuePolicyStatement.IsSnsGrant(s, queueArn)).ToList();
        var granted = ours.SelectMany(QueuePolicyStatement.SourceArns).ToHashSet(StringComparer.Ordinal);
        var requested = sourceArns.ToList();
        if (ours.Count == 1 && requested.TrueForAll(arn => granted.Any(pattern => ArnPattern.Covers(pattern, arn))))
        {
            return null;
        }

        granted.UnionWith(requested);
        if (granted.Count == 0)
        {
            return null;
        }

        // An ARN a wildcard already covers only takes up policy space.
        var kept = granted.Where(arn => !granted.Any(other => other != arn && ArnPattern.IsWildcard(other) && ArnPattern.Covers(other, arn)));
        var statement = QueuePolicyStatement.SnsGrant(queueArn, kept.Order(StringComparer.Ordinal));

        var position = ours.Count > 0 ? statements.IndexOf(ours[0]) : statements.Count;
        var result = new JsonArray();
        policy.Remove("Statement");
        foreach (var (index, existing) in statements.Index())
        {
            if (index == position)
            {
                result.Add(statement);
            }

            if (existing is not null && !ours.Contains(existing))
            {
                result.Add(existing.DeepClone());
            }
        }

        if (position == statements.Count)
        {
            result.Add(statement);
        }

        policy["Version"] ??= Version;
        policy["Statement"] = result;
        return policy.ToJsonString();
    }

    /// <summary><c>arn:{partition}:sns:{region}:{account}:{prefix}*</c> for the partition and account of <paramref name="topicArn"/>; an empty prefix grants every topic.</summary>
    public static string TopicPrefixWildcard(string topicArn, string topicNamePrefix)
    {
        var parts = topicArn.Split(':');
        if (parts.Length < 6 || parts[0] != "arn" || parts[2] != "sns")
        {
            throw new ArgumentException($"'{topicArn}' is not an SNS topic ARN.", nameof(topicArn));
        }

        return string.Join(':', parts[..5]) + ":" + topicNamePrefix + "*";
    }
}
