using System.Collections.Concurrent;
using System.Text.Json;
using Unbundled.AcceptanceTests.Infrastructure;

namespace Unbundled.AcceptanceTests.Aws.Stopping;

/// <summary>
/// Clients inviting new emails as fast as the API answers, until disposed. Keeps every acknowledged invite (the API
/// answered with a customer id); failures (refused connections once the process stops) are simply not acknowledged.
/// </summary>
internal sealed class MutationLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly Task[] clients;

    public MutationLoad(Uri address, int concurrency)
    {
        clients = [.. Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => Invite(address)))];
    }

    /// <summary>Email → customer id, for every invite the API acknowledged.</summary>
    public ConcurrentDictionary<string, string> Acknowledged { get; } = new();

    public async Task WaitFor(int acknowledged)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (Acknowledged.Count < acknowledged)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await Task.WhenAll(clients);
        stopping.Dispose();
    }

    private async Task Invite(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var client = new GraphQLClient(http);
        while (!stopping.IsCancellationRequested)
        {
            var email = $"{Guid.NewGuid():N}@load.example.com";
            try
            {
                if ((await client.Invite(email)).InvitedId is { } id)
                {
                    Acknowledged[email] = id;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }
}
