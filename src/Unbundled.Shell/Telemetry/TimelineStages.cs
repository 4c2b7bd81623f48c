using System.Diagnostics;

namespace Unbundled.Shell.Telemetry;

/// <summary>Reads the stages of an invite out of its spans; a stage whose span this process did not see is left out.</summary>
internal static class TimelineStages
{
    public static IReadOnlyList<(string Stage, TimeSpan At)> Of(Activity request, IEnumerable<Activity> spans)
    {
        var all = spans.ToList();
        if (!all.Any(span => span.DisplayName == "send InviteCustomer"))
        {
            return [];
        }

        var origin = request.StartTimeUtc;
        var stages = new List<(string, DateTime?)>
        {
            ("API received", origin),
            ("command sent", Start(all, "send InviteCustomer")),
            ("handler started", Start(all, "process InviteCustomer")),
            ("event published", Start(all, "publish CustomerInvited")),
            ("handler done, messages dispatched", End(all, "process InviteCustomer")),
            ("projector done", End(all, "process CustomerInvited")),
            ("reply received", Start(all, "process InviteCustomerResponse")),
            ("response sent", request.StartTimeUtc + request.Duration),
        };
        // In time order: the reply and the event leave together, so the reply may come before the projector is done.
        return [.. stages.Where(s => s.Item2 is not null).Select(s => (s.Item1, s.Item2!.Value - origin)).OrderBy(s => s.Item2)];
    }

    private static DateTime? Start(List<Activity> spans, string name) =>
        spans.FirstOrDefault(span => span.DisplayName == name)?.StartTimeUtc;

    private static DateTime? End(List<Activity> spans, string name) =>
        spans.FirstOrDefault(span => span.DisplayName == name) is { } span ? span.StartTimeUtc + span.Duration : null;
}
