namespace Unbundled.Messaging.Tests.Contracts;

/// <summary>A base class outside every message namespace: not a message type by the default conventions.</summary>
public abstract record DomainEvent;
