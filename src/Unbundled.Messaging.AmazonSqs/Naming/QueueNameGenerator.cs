namespace Unbundled.Messaging.AmazonSqs.Naming;

/// <summary>Physical SQS queue names, by the rule of NServiceBus.AmazonSQS (docs/wire-format.md §3.1).</summary>
internal static class QueueNameGenerator
{
    public const int MaxLength = 80;

    private const string FifoSuffix = ".fifo";

    /// <summary>Prefixes and sanitizes <paramref name="destination"/>; idempotent, so a name that already carries the prefix is kept.</summary>
    /// <remarks>The length is checked before sanitizing, as NServiceBus does; sanitizing never changes the length anyway.</remarks>
    public static string GetQueueName(string destination, string prefix = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);

        // Addresses in headers (ReplyToAddress, FailedQ) are already physical; prefixing them again would break replies.
        var name = prefix.Length > 0 && destination.StartsWith(prefix, StringComparison.Ordinal)
            ? destination
            : prefix + destination;

        if (name.Length > MaxLength)
        {
            throw new ArgumentException(
                $"Address {destination} with prefix '{prefix}' is {name.Length} characters long; SQS queue names are limited to {MaxLength}. Use a shorter name.",
                nameof(destination));
        }

        var keep = name.EndsWith(FifoSuffix, StringComparison.Ordinal) ? FifoSuffix.Length : 0;
        return AwsNameSanitizer.Sanitize(name, keep);
    }
}
