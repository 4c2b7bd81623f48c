using System.Collections.Concurrent;

namespace Unbundled.CrashTests.Infrastructure;

/// <summary>
/// What a client knows about its invitations: every email it tried, the id of each invite the system acknowledged
/// (a mutation that returned a customer), and every id the system has since answered for an email.
/// </summary>
internal sealed class InviteLedger
{
    private readonly ConcurrentDictionary<string, string> acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> idsSeen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> attempted = new();
    private readonly Lock waitersGate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> waiters = [];

    public IReadOnlyCollection<string> Attempted => attempted;

    public IReadOnlyDictionary<string, string> Acknowledged => acknowledged;

    public void Attempt(string email) => attempted.Enqueue(email);

    public void Acknowledge(string email, string id)
    {
        acknowledged[email] = id;
        Saw(email, id);
        lock (waitersGate)
        {
            foreach (var waiter in waiters.Where(waiter => acknowledged.Count >= waiter.Count))
            {
                waiter.Reached.TrySetResult();
            }
        }
    }

    /// <summary>An id the system gave for <paramref name="email"/> (a new customer, or the one it was already invited as).</summary>
    public void Saw(string email, string id) => idsSeen.GetOrAdd(email, _ => []).Add(id);

    /// <summary>Completes when <paramref name="count"/> invites have been acknowledged in all.</summary>
    public Task WhenAcknowledged(int count)
    {
        lock (waitersGate)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (acknowledged.Count >= count)
            {
                reached.SetResult();
            }

            waiters.Add((count, reached));
            return reached.Task;
        }
    }

    /// <summary>Emails the system has given more than one id.</summary>
    public IReadOnlyList<string> Duplicated() =>
        idsSeen.Where(entry => entry.Value.Distinct(StringComparer.Ordinal).Skip(1).Any()).Select(entry => entry.Key).ToList();
}
