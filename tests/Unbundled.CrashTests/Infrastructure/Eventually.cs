using System.Diagnostics;

namespace Unbundled.CrashTests.Infrastructure;

internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 50 ms; false if it has not held within <paramref name="timeout"/>.</summary>
    public static async Task<bool> Holds(Func<bool> condition, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
