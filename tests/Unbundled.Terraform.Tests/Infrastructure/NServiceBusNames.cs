namespace Unbundled.Terraform.Tests.Infrastructure;

/// <summary>
/// The names NServiceBus.AmazonSQS gives queues and topics (wire format §3.1, §3.2), written out again here so the
/// terraform is checked against the rule rather than against itself.
/// </summary>
internal static class NServiceBusNames
{
    public const int MaxQueueNameLength = 80;

    private const string FifoSuffix = ".fifo";

    /// <summary>The physical queue of a logical name, without the prefix: every character outside [A-Za-z0-9_-] becomes '-', a trailing .fifo stays.</summary>
    public static string Queue(string logicalName) =>
        logicalName.EndsWith(FifoSuffix, StringComparison.Ordinal)
            ? Sanitize(logicalName[..^FifoSuffix.Length]) + FifoSuffix
            : Sanitize(logicalName);

    /// <summary>The queue that holds an endpoint's messages delayed beyond 900 s.</summary>
    public static string DelayQueue(string logicalName) => Queue(logicalName + "-delay.fifo");

    /// <summary>The topic of an event: its full type name, sanitised as queue names are.</summary>
    public static string Topic(Type eventType) =>
        Sanitize(eventType.FullName ?? throw new ArgumentException($"{eventType} has no full name.", nameof(eventType)));

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
}
