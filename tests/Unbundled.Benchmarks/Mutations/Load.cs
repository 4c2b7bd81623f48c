using System.Diagnostics;
using System.Runtime;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>Drives a number of operations with a fixed number of callers, each starting its next as soon as one ends.</summary>
internal static class Load
{
    public static async Task<Measurement> Drive(int count, int concurrency, Func<int, Task> operation)
    {
        var recorder = new LatencyRecorder();
        var next = -1;
        using var pool = new ThreadPoolSampler();
        var jit = JitInfo.GetCompiledMethodCount();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) is var index && index < count)
            {
                var start = Stopwatch.GetTimestamp();
                await operation(index);
                recorder.Record(start, Stopwatch.GetTimestamp());
            }
        })));
        var elapsed = clock.Elapsed;
        var cpuMilliseconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / count;
        var allocatedKilobytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / count;
        return new Measurement(
            recorder, count / elapsed.TotalSeconds, cpuMilliseconds, allocatedKilobytes, pool.PeakThreads, pool.MeanQueued, JitInfo.GetCompiledMethodCount() - jit);
    }

    /// <summary>Samples the thread pool every few milliseconds from a thread of its own, so a starved pool cannot hide it.</summary>
    private sealed class ThreadPoolSampler : IDisposable
    {
        private readonly Thread thread;
        private volatile bool stopping;
        private long samples;
        private long queued;
        private int peakThreads;

        public ThreadPoolSampler()
        {
            thread = new Thread(Sample) { IsBackground = true, Name = "thread pool sampler" };
            thread.Start();
        }

        public int PeakThreads => peakThreads;

        public double MeanQueued => samples == 0 ? 0 : (double)queued / samples;

        public void Dispose()
        {
            stopping = true;
            thread.Join();
        }

        private void Sample()
        {
            while (!stopping)
            {
                peakThreads = Math.Max(peakThreads, ThreadPool.ThreadCount);
                queued += ThreadPool.PendingWorkItemCount;
                samples++;
                Thread.Sleep(5);
            }
        }
    }
}
