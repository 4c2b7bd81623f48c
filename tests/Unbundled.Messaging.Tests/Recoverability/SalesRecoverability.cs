using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Messaging.Pipeline;
using Unbundled.Messaging.Tests.Infrastructure;
using Unbundled.Messaging.Transport;

namespace Unbundled.Messaging.Tests.Recoverability;

/// <summary>
/// Recoverability of endpoint "Sales" for a message that failed on its instance queue "Sales-blue", at
/// <see cref="FixedClock.Example"/>; what it dispatches is kept by a <see cref="CapturingDispatcher"/>.
/// </summary>
internal sealed class SalesRecoverability
{
    public const string ReceiveAddress = "Sales-blue";

    public static readonly HostInformation Host = new("00112233445566778899aabbccddeeff", "sales-container-7", "SALES-MACHINE");

    public static readonly byte[] Body = """{"OrderId":"o-1"}"""u8.ToArray();

    public RecoverabilitySettings Settings { get; } = new();

    public CapturingDispatcher Dispatcher { get; } = new();

    public bool TransportSupportsDelayedDelivery { get; init; } = true;

    public Task<ErrorHandleResult> Fail(Exception exception, int immediateFailures, Dictionary<string, string>? headers = null, RedeliverAfter? redelivery = null)
    {
        var pipeline = new RecoverabilityPipeline(
            new EndpointIdentity("Sales", "Sales", ReceiveAddress, Host),
            Settings,
            TransportSupportsDelayedDelivery,
            "error",
            Dispatcher,
            new FixedClock(FixedClock.Example),
            NullLogger.Instance);
        headers ??= [];
        headers.TryAdd(Headers.MessageId, "order-1");
        var message = new MessageContext("native-1", headers, Body, ReceiveAddress);
        return pipeline.Invoke(new ErrorContext(exception, message, immediateFailures) { DelayedRedelivery = redelivery }, CancellationToken.None);
    }
}
