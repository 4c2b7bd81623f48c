using Unbundled.Lambda.Harness;
using Unbundled.LocalAws;

namespace Unbundled.AppHost;

/// <summary>
/// <c>--shell lambda-local</c>: the system as Lambda functions through the local harness, on stand-ins of its own under
/// <c>.unbundled/lambda-local/</c> in the data folder, with the API's function URL at <c>--urls</c> (default
/// http://localhost:5080). Ctrl+C stops the functions, then the stand-ins.
/// </summary>
internal static class LambdaLocalCommand
{
    public static bool Requested(string[] args) =>
        args.Select((arg, i) => arg == "--shell" && i + 1 < args.Length && args[i + 1] == "lambda-local" || arg == "--shell=lambda-local").Any(found => found);

    public static async Task Run(string[] args, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger("Unbundled.AppHost");
        var dataPath = Path.GetFullPath(Argument(args, "--data-path") ?? ".unbundled");
        var port = new Uri(Argument(args, "--urls") ?? "http://localhost:5080").Port;
        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stopping.Cancel(); });

        using var standIns = await LocalAwsStandIns.Start(Path.Combine(dataPath, "lambda-local"), stopping.Token);
        await using var system = await LambdaLocalSystem.Start(
            new LambdaLocalOptions(Bootstrap, standIns.SqsServiceUrl, standIns.SnsServiceUrl, standIns.DynamoDbServiceUrl)
            {
                ApiPort = port,
                // The functions' own logs, as CloudWatch would show them: warnings, and the API's mutation timelines.
                Settings = new Dictionary<string, string>
                {
                    ["Logging__LogLevel__Default"] = "Warning",
                    ["Logging__LogLevel__Unbundled.Timeline"] = "Information",
                },
            },
            loggerFactory, stopping.Token);
        logger.LogInformation("Unbundled is running as Lambda functions: GraphiQL at {Url}, GraphQL at /graphql. Ctrl+C stops it.", system.ApiAddress);
        await Task.Delay(Timeout.Infinite, stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        logger.LogInformation("Stopping the functions");
    }

    /// <summary>src/Unbundled.Functions' build output, built with the AppHost in the same configuration.</summary>
    private static string Bootstrap => Path.Combine(
        RepositoryLayout.Root, "src", "Unbundled.Functions", "bin",
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "bootstrap.dll");

    private static string? Argument(string[] args, string name) =>
        args.Select((arg, i) => arg == name && i + 1 < args.Length ? args[i + 1] : arg.StartsWith(name + "=", StringComparison.Ordinal) ? arg[(name.Length + 1)..] : null)
            .LastOrDefault(value => value is not null);
}
