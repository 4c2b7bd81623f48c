using System.Diagnostics;
using System.Runtime;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// Waits for tiered compilation to catch up after a warm-up: the runtime recompiles hot methods on a background thread,
/// and a profile of the first measured run showed that thread taking 40% of the process's CPU.
/// </summary>
internal static class JitSettling
{
    public static async Task Wait()
    {
        var clock = Stopwatch.StartNew();
        var quietSince = clock.Elapsed;
        var compiled = JitInfo.GetCompiledMethodCount();
        while (clock.Elapsed - quietSince < TimeSpan.FromSeconds(1) && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            if (JitInfo.GetCompiledMethodCount() is var now && now != compiled)
            {
                compiled = now;
                quietSince = clock.Elapsed;
            }
        }

        Console.WriteLine($"  (warmed up; no method compiled for the last {(clock.Elapsed - quietSince).TotalSeconds:0.0} s, {compiled:N0} compiled in all)");
    }
}
