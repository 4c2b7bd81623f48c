using Unbundled.Ports;

namespace Unbundled.Api.GraphQL;

/// <summary>
/// Waits until the projector has applied an invite. The reply and the event leave the Customers endpoint together, so
/// the projection lands around the time the reply does. The caller watches the customer before it sends the command: when
/// the projector runs in this process its save is reported to the watch, and no read is needed, whether the save came
/// before the reply or after. Otherwise the wait reads, and looks again after a pause that grows from 1 to 50 ms, bounded
/// by the caller's token.
/// </summary>
internal static class ReadYourWrites
{
    /// <summary>
    /// How long a process that projects waits for its own save before it reads: another process's projector may have
    /// taken the event (two instances sharing the queue), and then no save here will ever be reported.
    /// </summary>
    internal static readonly TimeSpan OwnSaveWait = TimeSpan.FromMilliseconds(100);

    /// <param name="watch">Started before the command was sent, so a save that beat the reply is not missed.</param>
    /// <param name="projectsHere">Whether this process saves views (<see cref="ViewChanges.SavedInThisProcess"/>).</param>
    public static async Task WaitUntilProjected(
        IReadCustomerViews views, ViewChanges changes, ViewChanges.Watch watch, bool projectsHere, CancellationToken cancellationToken)
    {
        if (watch.Saved.IsCompleted)
        {
            return;
        }

        if (projectsHere)
        {
            try
            {
                await watch.Saved.WaitAsync(OwnSaveWait, cancellationToken);
                return;
            }
            catch (TimeoutException)
            {
            }
        }

        await ReadUntilProjected(views, changes, watch.CustomerId, cancellationToken);
    }

    /// <summary>Reads until the view is there, woken early by a save in this process.</summary>
    public static async Task ReadUntilProjected(
        IReadCustomerViews views, ViewChanges changes, Guid customerId, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            using var watch = changes.WatchFor(customerId);
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
