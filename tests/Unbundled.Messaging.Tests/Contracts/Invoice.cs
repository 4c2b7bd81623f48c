namespace Unbundled.Messaging.Tests.Contracts;

/// <summary>A type that matches no default convention.</summary>
public sealed record Invoice(string Number);
