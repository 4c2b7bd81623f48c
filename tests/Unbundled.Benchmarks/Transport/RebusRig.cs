using System.Diagnostics;
using Rebus.Activation;
using Rebus.Bus;
using Rebus.Config;
using Rebus.Transport.FileSystem;
using Unbundled.Benchmarks.Transport.Commands;

namespace Unbundled.Benchmarks.Transport;

/// <summary>
/// Rebus 8.10's file-system transport (in the Rebus package itself): one endpoint sending to its own queue folder, one
/// worker handling up to <c>concurrency</c> messages at a time, Rebus's defaults otherwise (its JSON serializer, a prefetch
/// of 10 files, its back-off when the folder is empty).
/// </summary>
internal sealed class RebusRig : IPingRig
{
    private readonly string folder;
    private readonly BuiltinHandlerActivator activator;
    private readonly IBus bus;

    private RebusRig(string folder, BuiltinHandlerActivator activator, IBus bus, PingTracker tracker)
    {
        this.folder = folder;
        this.activator = activator;
        this.bus = bus;
        Tracker = tracker;
    }

    public PingTracker Tracker { get; }

    public long Sequence { get; set; }

    public static Task<IPingRig> Start(string root, int concurrency)
    {
        var folder = Path.Combine(root, Guid.NewGuid().ToString("N"));
        var tracker = new PingTracker();
        var activator = new BuiltinHandlerActivator();
        activator.Handle<Ping>(ping =>
        {
            tracker.Handled(ping.Sequence, Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        });
        var bus = Configure.With(activator)
            .Logging(logging => logging.None())
            .Transport(transport => transport.UseFileSystem(folder, "bench"))
            .Options(options =>
            {
                options.SetNumberOfWorkers(1);
                options.SetMaxParallelism(concurrency);
            })
            .Start();
        return Task.FromResult<IPingRig>(new RebusRig(folder, activator, bus, tracker));
    }

    /// <summary>Sends that failed because the receiver opened the new file first (see <see cref="SendLocal"/>).</summary>
    public int FailedSends { get; private set; }

    /// <summary>Empty files in the queue folder: those of the failed sends, which the receiver tries to read on every poll.</summary>
    public int LeftoverFiles => Directory.GetFiles(Path.Combine(folder, "bench"), "*.json").Count(file => new FileInfo(file).Length == 0);

    /// <summary>
    /// On Linux the transport's send can fail: it creates the file with <c>File.OpenWrite</c>, and .NET takes its advisory
    /// lock (<c>flock</c>) just after <c>open</c>; a poll of the receiver that opens the new file in between holds the lock,
    /// and the send throws "being used by another process". The sender can only try again, as an application would.
    /// </summary>
    public async Task SendLocal(Ping ping)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await bus.SendLocal(ping);
                return;
            }
            catch (IOException) when (attempt < 10)
            {
                FailedSends++;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        // Disposing the activator disposes the bus it started.
        activator.Dispose();
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
