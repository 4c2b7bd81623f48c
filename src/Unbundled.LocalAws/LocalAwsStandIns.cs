using System.Globalization;

namespace Unbundled.LocalAws;

/// <summary>
/// fauxqs (SQS and SNS on one port) and dynalite (DynamoDB, in memory) as child processes on free loopback ports, for
/// <c>--shell aws-local</c> and the tests. Needs Node.js 20+ and the repository's <c>tools/</c> folder; installs its npm
/// packages on first use. The processes end with this object, or with this process however it ends.
/// </summary>
public sealed class LocalAwsStandIns : IDisposable
{
    private readonly EmulatorProcess fauxqs;
    private readonly EmulatorProcess dynalite;

    private LocalAwsStandIns(EmulatorProcess fauxqs, EmulatorProcess dynalite)
    {
        this.fauxqs = fauxqs;
        this.dynalite = dynalite;
    }

    public Uri SqsServiceUrl => fauxqs.ServiceUrl;

    /// <summary>fauxqs serves SNS on the SQS port: form-urlencoded requests go to SNS, JSON ones to SQS.</summary>
    public Uri SnsServiceUrl => fauxqs.ServiceUrl;

    public Uri DynamoDbServiceUrl => dynalite.ServiceUrl;

    /// <summary>CPU time fauxqs (SQS and SNS) has used so far: on one machine the stand-ins share the cores with the system.</summary>
    public TimeSpan SqsSnsProcessorTime => fauxqs.ProcessorTime;

    public TimeSpan DynamoDbProcessorTime => dynalite.ProcessorTime;

    public static async Task<LocalAwsStandIns> Start(CancellationToken cancellationToken = default)
    {
        await NodeTools.EnsureInstalled(cancellationToken);
        var fauxqs = EmulatorProcess.Start("fauxqs", port => ["start-fauxqs.mjs", port.ToString(CultureInfo.InvariantCulture)], cancellationToken);
        var dynalite = EmulatorProcess.Start(
            "dynalite",
            port => ["node_modules/dynalite/cli.js", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture)],
            cancellationToken);
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

            throw;
        }

        return new LocalAwsStandIns(fauxqs.Result, dynalite.Result);
    }

    public void Dispose()
    {
        fauxqs.Dispose();
        dynalite.Dispose();
    }
}
