using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Unbundled.Messaging.Transport;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Infrastructure;

/// <summary>Reading what an endpoint reports in the background, with its clock in the test's hands.</summary>
internal static class Reports
{
    /// <summary>
    /// Moves the clock on by <paramref name="step"/> until the next message arrives: the reporter may not yet wait on the
    /// clock when it is first moved, so one step may pass unseen.
    /// </summary>
    public static async Task<MessageContext> NextAfter(this QueueSpy spy, FakeTimeProvider clock, TimeSpan step)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            clock.Advance(step);
            try
            {
                return await spy.Next(TimeSpan.FromMilliseconds(200));
            }
            catch (OperationCanceledException)
            {
            }
        }

        throw new TimeoutException($"Nothing arrived while the clock moved on {step} 50 times.");
    }

    public static JsonElement Json(this MessageContext message) => JsonDocument.Parse(message.Body).RootElement.Clone();
}
