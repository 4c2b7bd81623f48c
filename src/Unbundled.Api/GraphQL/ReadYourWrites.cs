using Unbundled.Ports;

namespace Unbundled.Api.GraphQL;

/// <summary>
/// Waits until the projector has applied an invite. The reply and the event leave the Customers endpoint together, so
/// the projection lands around the time the reply does. When the projector runs in this process its save wakes the wait
/// at once; otherwise the wait looks again after a pause that grows from 1 to 50 ms, bounded by the caller's token.
/// </summary>
internal static class ReadYourWrites
{
    public static async Task WaitUntilProjected(ICustomerViews views, Guid customerId, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            using var watch = ViewChanges.WatchFor(customerId);
            if (await views.Find(customerId, cancellationToken) is not null)
            {
                return;
            }

            try
            {
                // A save in this process is the projection itself: no need to read it back.
                await watch.Saved.WaitAsync(pause, cancellationToken);
                return;
            }
            catch (TimeoutException)
            {
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(50).Ticks));
            }
        }
    }
}
