namespace Unbundled.Messaging.Tests.Messages;

/// <summary>A generic message: its assembly-qualified name has commas inside brackets.</summary>
public sealed record Page<TItem>(IReadOnlyList<TItem> Items);
