using Unbundled.AcceptanceTests.Infrastructure;

namespace Unbundled.CrashTests.Infrastructure;

/// <summary>Concurrent clients inviting fresh emails as fast as the system answers, writing everything into a ledger.</summary>
internal static class InviteLoad
{
    /// <summary>Runs until <paramref name="stop"/> is cancelled or <paramref name="maxAttempts"/> invites have been sent.</summary>
    public static async Task Run(Uri apiAddress, InviteLedger ledger, int concurrency, int maxAttempts, CancellationToken stop)
    {
        var remaining = maxAttempts;
        using var http = new HttpClient { BaseAddress = apiAddress, Timeout = TimeSpan.FromSeconds(30) };
        var api = new GraphQLClient(http);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (!stop.IsCancellationRequested && Interlocked.Decrement(ref remaining) >= 0)
            {
                var email = $"crash-{Guid.NewGuid():N}@example.com";
                ledger.Attempt(email);
                try
                {
                    var response = await api.Invite(email);
                    if (response.InvitedId is { } id)
                    {
                        ledger.Acknowledge(email, id);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or System.Text.Json.JsonException)
                {
                    // The kill cut the request off: attempted, never acknowledged.
                }
            }
        }));
    }
}
