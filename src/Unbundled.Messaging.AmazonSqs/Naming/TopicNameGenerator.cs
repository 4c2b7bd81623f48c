namespace Unbundled.Messaging.AmazonSqs.Naming;

/// <summary>SNS topic names, by the rule of NServiceBus.AmazonSQS (docs/wire-format.md §3.2): prefix + the event's full type name.</summary>
internal static class TopicNameGenerator
{
    public const int MaxLength = 256;

    /// <summary>The topic for the most concrete event type; a nested type's '+' becomes '-' like every other separator.</summary>
    public static string GetTopicName(Type eventType, string prefix = "")
    {
        var fullName = eventType.FullName
            ?? throw new ArgumentException($"{eventType} has no full name (an open generic parameter?) and cannot name a topic.", nameof(eventType));

        // Checked before sanitizing, as for queue names; sanitizing keeps the length.
        var name = prefix + fullName;
        if (name.Length > MaxLength)
        {
            throw new ArgumentException(
                $"Event type {fullName} with prefix '{prefix}' is {name.Length} characters long; SNS topic names are limited to {MaxLength}.",
                nameof(eventType));
        }

        return AwsNameSanitizer.Sanitize(name);
    }
}
