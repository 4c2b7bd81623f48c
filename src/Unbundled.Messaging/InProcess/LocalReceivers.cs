using System.Collections.Concurrent;

namespace Unbundled.Messaging.InProcess;

/// <summary>
/// The receivers running in this process, by the address their transport gives their queue (a folder, a queue URL), so
/// that a send from this process can reach a receiver at once, or hand it the message without the broker. Both
/// transports keep one in their <see cref="ProcessScope"/>. Lookups read an immutable array, so a send takes no lock.
/// </summary>
public sealed class LocalReceivers<TReceiver>
    where TReceiver : class
{
    private readonly ConcurrentDictionary<string, TReceiver[]> byAddress = new(StringComparer.Ordinal);

    public void Register(string address, TReceiver receiver) =>
        byAddress.AddOrUpdate(address, _ => [receiver], (_, existing) => [.. existing, receiver]);

    public void Unregister(string address, TReceiver receiver) =>
        byAddress.AddOrUpdate(address, _ => [], (_, existing) => [.. existing.Where(r => r != receiver)]);

    /// <summary>The receivers of <paramref name="address"/> in this process; empty when there is none.</summary>
    public TReceiver[] Of(string address) => byAddress.TryGetValue(address, out var receivers) ? receivers : [];
}
