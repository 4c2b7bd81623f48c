using System.Text.Json;
using System.Text.Json.Nodes;

namespace Unbundled.Messaging.AmazonSqs.Sns;

/// <summary>Writes and recognises the one policy statement shape we own: SNS topics may send to this queue.</summary>
internal static class QueuePolicyStatement
{
    private const string SourceArnKey = "aws:SourceArn";

    public static JsonObject SnsGrant(string queueArn, IEnumerable<string> sourceArns)
    {
        var arns = sourceArns.ToList();
        return new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["AWS"] = "*" },
            ["Action"] = "sqs:SendMessage",
            ["Resource"] = queueArn,
            ["Condition"] = new JsonObject
            {
                // NServiceBus writes a lone ARN as a string and several as a list; AWS reads both.
                ["ArnLike"] = new JsonObject { [SourceArnKey] = arns.Count == 1 ? arns[0] : new JsonArray([.. arns.Select(a => (JsonNode?)a)]) },
            },
        };
    }

    /// <summary>
    /// True for an Allow of exactly <c>sqs:SendMessage</c> on this queue to everyone, conditioned only on <c>ArnLike aws:SourceArn</c>:
    /// the statements NServiceBus and we write. Anything narrower or wider belongs to someone else and is left alone.
    /// </summary>
    public static bool IsSnsGrant(JsonObject statement, string queueArn) =>
        statement.All(p => p.Key is "Sid" or "Effect" or "Principal" or "Action" or "Resource" or "Condition")
        && Text(statement["Effect"]) == "Allow"
        && IsEveryone(statement["Principal"])
        && string.Equals(Single(statement["Action"]), "sqs:SendMessage", StringComparison.OrdinalIgnoreCase)
        && Single(statement["Resource"]) == queueArn
        && statement["Condition"] is JsonObject { Count: 1 } condition
        && condition["ArnLike"] is JsonObject { Count: 1 } arnLike
        && arnLike.Single().Key.Equals(SourceArnKey, StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<string> SourceArns(JsonObject statement) =>
        statement["Condition"]!["ArnLike"]!.AsObject().Single().Value switch
        {
            JsonArray values => values.Select(Text).OfType<string>(),
            var value when Text(value) is { } one => [one],
            _ => [],
        };

    private static bool IsEveryone(JsonNode? principal) =>
        Text(principal) == "*" || (principal is JsonObject { Count: 1 } p && Single(p["AWS"]) == "*");

    private static string? Single(JsonNode? node) => node is JsonArray { Count: 1 } array ? Text(array[0]) : Text(node);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
