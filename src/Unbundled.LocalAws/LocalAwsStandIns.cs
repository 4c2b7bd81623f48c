using System.Collections.Concurrent;
using System.Globalization;

namespace Unbundled.LocalAws;

/// <summary>
/// fauxqs (SQS and SNS on one port) and dynalite (DynamoDB) as child processes on free loopback ports, for
/// <c>--shell aws-local</c> and the tests: in memory, or keeping their data in a folder across restarts and kills.
/// Needs the repository's <c>tools/</c> folder; installs its npm packages on first use. The processes end with this
/// object, or with this process however it ends. See docs/aws-local.md.
/// </summary>
public sealed class LocalAwsStandIns : IDisposable
{
    private readonly EmulatorProcess fauxqs;
    private readonly EmulatorProcess dynalite;
    private readonly DataFolderLock? dataLock;
    private readonly ConcurrentQueue<StandInExit> exits = new();

    private LocalAwsStandIns(EmulatorProcess fauxqs, EmulatorProcess dynalite, DataFolderLock? dataLock)
    {
        this.fauxqs = fauxqs;
        this.dynalite = dynalite;
        this.dataLock = dataLock;
        foreach (var standIn in new[] { fauxqs, dynalite })
        {
            standIn.Exited += exit =>
            {
                exits.Enqueue(exit);
                Exited?.Invoke(exit);
            };
        }
    }

    /// <summary>Raised once per stand-in that exits while in use (not when this object stops it).</summary>
    public event Action<StandInExit>? Exited;

    /// <summary>The stand-ins that have exited while in use: the system cannot work until it is restarted.</summary>
    public IReadOnlyCollection<StandInExit> Exits => exits;

    public Uri SqsServiceUrl => fauxqs.ServiceUrl;

    /// <summary>fauxqs serves SNS on the SQS port: form-urlencoded requests go to SNS, JSON ones to SQS.</summary>
    public Uri SnsServiceUrl => fauxqs.ServiceUrl;

    public Uri DynamoDbServiceUrl => dynalite.ServiceUrl;

    /// <summary>CPU time fauxqs (SQS and SNS) has used so far: on one machine the stand-ins share the cores with the system.</summary>
    public TimeSpan SqsSnsProcessorTime => fauxqs.ProcessorTime;

    public TimeSpan DynamoDbProcessorTime => dynalite.ProcessorTime;

    /// <summary>The process ids of fauxqs and dynalite, for tests that kill one.</summary>
    public IReadOnlyDictionary<string, int> ProcessIds => new Dictionary<string, int> { [fauxqs.Name] = fauxqs.ProcessId, [dynalite.Name] = dynalite.ProcessId };

    /// <summary>Starts both stand-ins in memory.</summary>
    public static Task<LocalAwsStandIns> Start(CancellationToken cancellationToken = default) => Start(dataPath: null, cancellationToken);

    /// <param name="dataPath">
    /// Where they keep their data (<c>fauxqs/fauxqs.db</c>, SQLite; <c>dynalite/</c>, LevelDB), or null for memory only.
    /// One set of stand-ins at a time may use a folder.
    /// </param>
    public static async Task<LocalAwsStandIns> Start(string? dataPath, CancellationToken cancellationToken = default)
    {
        await NodeTools.EnsureInstalled(cancellationToken);
        var dataLock = dataPath is null ? null : await DataFolderLock.Acquire(dataPath, cancellationToken);
        var fauxqs = EmulatorProcess.Start("fauxqs", port => [
            "start-fauxqs.mjs",
            Invariant(port),
            .. dataPath is null ? Array.Empty<string>() : [Path.Combine(dataPath, "fauxqs")],
        ], cancellationToken);
        var dynalite = EmulatorProcess.Start("dynalite", port => [
            "node_modules/dynalite/cli.js", "--host", "127.0.0.1", "--port", Invariant(port),
            .. dataPath is null ? Array.Empty<string>() : ["--path", Path.Combine(dataPath, "dynalite")],
        ], cancellationToken);
        try
        {
            await Task.WhenAll(fauxqs, dynalite);
        }
        catch
        {
            // Whichever did start must not outlive the failure.
            if (fauxqs.IsCompletedSuccessfully)
            {
                fauxqs.Result.Dispose();
            }

            if (dynalite.IsCompletedSuccessfully)
            {
                dynalite.Result.Dispose();
            }

            dataLock?.Dispose();
            throw;
        }

        dataLock?.Record([fauxqs.Result.ProcessId, dynalite.Result.ProcessId]);
        return new LocalAwsStandIns(fauxqs.Result, dynalite.Result, dataLock);
    }

    public void Dispose()
    {
        fauxqs.Dispose();
        dynalite.Dispose();
        dataLock?.Dispose();
    }

    private static string Invariant(int port) => port.ToString(CultureInfo.InvariantCulture);
}
