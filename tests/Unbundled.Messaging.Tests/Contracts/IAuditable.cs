namespace Unbundled.Messaging.Tests.Contracts;

/// <summary>An interface outside every message namespace: not a message type by the default conventions.</summary>
public interface IAuditable;
