namespace Unbundled.Messaging.Tests.Messages;

public sealed record OrderAccepted(string OrderId);
