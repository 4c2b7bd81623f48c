using System.Diagnostics;

namespace Unbundled.Messaging.Telemetry;

/// <summary>
/// The spans the library emits: one per send, publish and reply (producer) and one per processed message (consumer),
/// linked across processes through the W3C <c>traceparent</c> header. Add the source name to OpenTelemetry to export them.
/// </summary>
public static class MessagingDiagnostics
{
    public const string ActivitySourceName = "Unbundled.Messaging";

    internal static ActivitySource Source { get; } = new(ActivitySourceName);

    internal static Activity? StartOutgoing(MessageIntent intent, Type messageType, string destination)
    {
        var activity = Source.StartActivity($"{Verb(intent)} {messageType.Name}", ActivityKind.Producer);
        activity?.SetTag("messaging.system", "unbundled");
        activity?.SetTag("messaging.operation.type", Verb(intent));
        activity?.SetTag("messaging.destination.name", destination);
        activity?.SetTag("messaging.message.type", messageType.FullName);
        return activity;
    }

    internal static Activity? StartProcessing(IReadOnlyDictionary<string, string> headers, string receiveAddress)
    {
        headers.TryGetValue(Headers.TraceParent, out var traceParent);
        headers.TryGetValue(Headers.TraceState, out var traceState);
        ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent);
        headers.TryGetValue(Headers.EnclosedMessageTypes, out var types);
        var activity = Source.StartActivity($"process {ShortName(types)}", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "unbundled");
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag("messaging.destination.name", receiveAddress);
        if (headers.TryGetValue(Headers.MessageId, out var messageId))
        {
            activity?.SetTag("messaging.message.id", messageId);
        }

        return activity;
    }

    /// <summary>Writes the current span into the outgoing headers so the receiver's span joins the same trace.</summary>
    internal static void Inject(Activity? activity, Dictionary<string, string> headers)
    {
        if (activity is null)
        {
            return;
        }

        headers[Headers.TraceParent] = activity.Id!;
        if (!string.IsNullOrEmpty(activity.TraceStateString))
        {
            headers[Headers.TraceState] = activity.TraceStateString;
        }
    }

    private static string Verb(MessageIntent intent) => intent switch
    {
        MessageIntent.Publish => "publish",
        MessageIntent.Reply => "reply",
        _ => "send",
    };

    private static string ShortName(string? enclosedMessageTypes)
    {
        var first = enclosedMessageTypes?.Split(';')[0].Split(',')[0] ?? "message";
        return first[(first.LastIndexOf('.') + 1)..];
    }
}
