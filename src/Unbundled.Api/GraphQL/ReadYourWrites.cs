using Unbundled.Ports;

namespace Unbundled.Api.GraphQL;

/// <summary>
/// Waits until the projector has applied an invite. The reply and the event leave the Customers endpoint together, so
/// the projection is usually there at the first look; the wait covers the rare race, bounded by the caller's token.
/// </summary>
internal static class ReadYourWrites
{
    public static async Task WaitUntilProjected(ICustomerViews views, Guid customerId, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromMilliseconds(1);
        while (await views.Find(customerId, cancellationToken) is null)
        {
            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(50).Ticks));
        }
    }
}
