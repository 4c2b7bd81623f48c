using System.Threading.Channels;
using Unbundled.Messaging.TransportTests.Infrastructure;

namespace Unbundled.Messaging.Tests.Hosting;

/// <summary>A singleton that records which unit of work each handler got and which were disposed.</summary>
public sealed class UnitOfWorkLog
{
    private readonly Channel<Guid> used = Channel.CreateUnbounded<Guid>();
    private readonly Channel<Guid> disposed = Channel.CreateUnbounded<Guid>();

    public void Used(OrderUnitOfWork unitOfWork) => used.Writer.TryWrite(unitOfWork.Id);

    public void Disposed(Guid id) => disposed.Writer.TryWrite(id);

    public Task<IReadOnlyList<Guid>> TakeUsed(int count) => Take(used, count);

    public Task<IReadOnlyList<Guid>> TakeDisposed(int count) => Take(disposed, count);

    /// <summary>True when no handler used a unit of work that was not taken yet.</summary>
    public bool NoneUsed => used.Reader.Count == 0;

    private static async Task<IReadOnlyList<Guid>> Take(Channel<Guid> channel, int count)
    {
        using var timeout = new CancellationTokenSource(Scenario.Timeout);
        var ids = new List<Guid>();
        while (ids.Count < count)
        {
            ids.Add(await channel.Reader.ReadAsync(timeout.Token));
        }

        return ids;
    }
}
