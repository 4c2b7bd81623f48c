using System.Threading.Channels;

namespace Unbundled.Messaging.Embedded.Receiving;

/// <summary>
/// The message files a receiver's pump may try to claim, from local sends, the watcher, delayed admission and scans.
/// Candidates from local sends carry their content, so the queue is bounded: past the bound a large backlog stays on
/// disk, not in memory, and the next scan finds it.
/// </summary>
internal sealed class Candidates
{
    public const int MaxPending = 10_000;

    private readonly Channel<Candidate> channel;
    private volatile bool rescanRequested = true;

    public Candidates() => channel = Channel.CreateBounded(
        new BoundedChannelOptions(MaxPending) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
        (Candidate _) => rescanRequested = true);

    public ChannelReader<Candidate> Reader => channel.Reader;

    public void Hint(Candidate candidate) => channel.Writer.TryWrite(candidate);

    /// <summary>Queues a candidate that must not be dropped (a message held in a slot file); false when the queue is full.</summary>
    public bool TryHint(Candidate candidate) => channel.Reader.Count < MaxPending && channel.Writer.TryWrite(candidate);

    /// <summary>The watcher lost events, or a wait ended without any: the folder may hold files nobody was told of.</summary>
    public void RequestRescan() => rescanRequested = true;

    /// <summary>Scans when asked to, but not while the candidates already queued would make most of the scan redundant.</summary>
    public void ScanIfRequested(QueueFolder queue)
    {
        if (!rescanRequested || channel.Reader.Count >= MaxPending / 2)
        {
            return;
        }

        rescanRequested = false;
        foreach (var path in Directory.EnumerateFiles(queue.Path, "*" + QueueFolder.Extension).Order(StringComparer.Ordinal).Take(MaxPending / 2))
        {
            Hint(new Candidate(Path.GetFileName(path)));
        }
    }
}
