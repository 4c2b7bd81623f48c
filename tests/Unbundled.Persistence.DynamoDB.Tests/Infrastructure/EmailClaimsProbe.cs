using Unbundled.Domain.Invitations;
using Unbundled.Ports;

namespace Unbundled.Persistence.DynamoDB.Tests.Infrastructure;

/// <summary>
/// Sees every claim look-up the handlers make, so a test can tell how often the handler ran; optionally holds the first
/// look-ups until all of them have arrived, to make concurrent deliveries overlap for certain.
/// </summary>
public sealed class EmailClaimsProbe
{
    private static readonly TimeSpan RendezvousTimeout = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int finds;
    private int parties;

    public int Finds => Volatile.Read(ref finds);

    /// <summary>True once the held look-ups all met, each having passed the outbox check before any of them committed.</summary>
    public bool MetAtRendezvous => allArrived.Task.IsCompletedSuccessfully;

    /// <summary>The first <paramref name="count"/> look-ups wait for each other (at most 10 s) before they go on.</summary>
    public void HoldFirstFinds(int count) => parties = count;

    public IEmailClaims Wrap(IEmailClaims inner) => new Probed(inner, this);

    private async Task Arrive(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref finds);
        if (number > parties)
        {
            return;
        }

        if (number == parties)
        {
            allArrived.TrySetResult();
        }

        try
        {
            await allArrived.Task.WaitAsync(RendezvousTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The deliveries did not overlap; the test sees it in MetAtRendezvous.
        }
    }

    private sealed class Probed(IEmailClaims inner, EmailClaimsProbe probe) : IEmailClaims
    {
        public async Task<EmailClaim?> Find(string emailKey, CancellationToken cancellationToken)
        {
            await probe.Arrive(cancellationToken);
            return await inner.Find(emailKey, cancellationToken);
        }

        public Task Add(EmailClaim claim, CancellationToken cancellationToken) => inner.Add(claim, cancellationToken);
    }
}
