using System.Diagnostics;
using System.Globalization;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// Drives a system over HTTP from a <see cref="LoadClient"/> process: the CPU time and allocations measured here are
/// then the system's alone, serving, and the client's CPU time is reported beside them.
/// </summary>
internal static class ExternalLoad
{
    public static async Task<(Measurement Measurement, double ClientCpuMilliseconds, IReadOnlyList<(Guid Id, string Email)> Invited)> Drive(
        Uri baseAddress, int count, int concurrency, string emailPrefix, int warmUp)
    {
        var start = new ProcessStartInfo("dotnet", [
            typeof(ExternalLoad).Assembly.Location, LoadClient.Command, baseAddress.ToString(),
            Text(count), Text(concurrency), emailPrefix, Text(warmUp)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var client = Process.Start(start) ?? throw new InvalidOperationException("The load client did not start.");
        try
        {
            await Expect(client, "ready");
            GC.Collect();
            var jit = System.Runtime.JitInfo.GetCompiledMethodCount();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            await client.StandardInput.WriteLineAsync("go");
            await client.StandardInput.FlushAsync();
            var latencies = new LatencyRecorder();
            var (elapsed, clientCpu) = (0.0, 0.0);
            var invited = new List<(Guid, string)>();
            while (await client.StandardOutput.ReadLineAsync() is { } line && line != "done")
            {
                var parts = line.Split(' ');
                switch (parts[0])
                {
                    case "latencies":
                        foreach (var ms in parts[1].Split(','))
                        {
                            latencies.Add(double.Parse(ms, CultureInfo.InvariantCulture));
                        }

                        break;
                    case "elapsed":
                        (elapsed, clientCpu) = (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture));
                        break;
                    case "invited":
                        invited.Add((Guid.Parse(parts[1]), parts[2]));
                        break;
                }
            }

            // The server's share ends with the last response; reading the client's report afterwards costs little.
            var serverCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / count;
            var serverAllocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / count;
            await client.WaitForExitAsync();
            var measurement = new Measurement(
                latencies, count / elapsed, serverCpu, serverAllocated, ThreadPool.ThreadCount, 0, System.Runtime.JitInfo.GetCompiledMethodCount() - jit);
            return (measurement, clientCpu / count, invited);
        }
        finally
        {
            if (!client.HasExited)
            {
                client.Kill();
            }
        }
    }

    private static async Task Expect(Process client, string expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await client.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == expected)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The load client exited (code {client.ExitCode}) before it said '{expected}'.");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
