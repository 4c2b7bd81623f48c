using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;

namespace Unbundled.Shell;

/// <summary>
/// Which shell to run and where its local data lives: <c>--shell</c> and <c>--data-path</c> on the command line, or
/// <c>Unbundled__Shell</c> and <c>Unbundled__DataPath</c> in the environment. The bare key <c>shell</c> is read from the
/// command line only, since the environment's <c>SHELL</c> would otherwise answer for it.
/// </summary>
/// <param name="QueueNamePrefix">Before every queue name (<c>Unbundled:QueueNamePrefix</c>, else <c>Unbundled:NamePrefix</c>).</param>
/// <param name="TopicNamePrefix">Before every topic name (<c>Unbundled:TopicNamePrefix</c>, else <c>Unbundled:NamePrefix</c>).</param>
/// <param name="TableName">The DynamoDB table (<c>Unbundled:TableName</c>, else the name prefix and <c>unbundled</c>).</param>
/// <param name="EnableInstallers">
/// Whether endpoints create their queues, topics and tables (<c>Unbundled:EnableInstallers</c>, default true); off where
/// terraform owns them.
/// </param>
public sealed record ShellOptions(
    ShellKind Kind,
    string DataPath,
    string QueueNamePrefix = "",
    string TopicNamePrefix = "",
    string TableName = "unbundled",
    bool EnableInstallers = true)
{
    /// <summary>Set by <c>topology</c>: endpoints are composed on the AWS shell to be described, never started.</summary>
    public const string DescribeOnlyKey = "Unbundled:DescribeOnly";

    public const string DefaultDataPath = ".unbundled";

    public string QueuesPath => Path.Combine(DataPath, "queues");

    public string DatabasePath => Path.Combine(DataPath, "unbundled.db");

    /// <summary>Where <c>--shell aws-local</c>'s stand-ins keep their queues, topics and table.</summary>
    public string AwsLocalPath => Path.Combine(DataPath, "aws-local");

    public static ShellOptions From(IConfiguration configuration)
    {
        var shell = FromCommandLine(configuration, "shell") ?? configuration["Unbundled:Shell"] ?? "embedded";
        var kind = shell.ToLowerInvariant() switch
        {
            "embedded" => ShellKind.Embedded,
            "aws" => ShellKind.Aws,
            "aws-local" => ShellKind.AwsLocal,
            "lambda" => ShellKind.Lambda,
            _ => throw new ArgumentException($"Unknown shell '{shell}': use embedded, aws, aws-local or lambda (lambda-local is the AppHost's)."),
        };
        var dataPath = FromCommandLine(configuration, "data-path") ?? configuration["Unbundled:DataPath"] ?? DefaultDataPath;
        var prefix = configuration["Unbundled:NamePrefix"] ?? string.Empty;
        return new ShellOptions(
            kind,
            Path.GetFullPath(dataPath),
            configuration["Unbundled:QueueNamePrefix"] ?? prefix,
            configuration["Unbundled:TopicNamePrefix"] ?? prefix,
            configuration["Unbundled:TableName"] ?? prefix + "unbundled",
            !string.Equals(configuration["Unbundled:EnableInstallers"], "false", StringComparison.OrdinalIgnoreCase));
    }

    private static string? FromCommandLine(IConfiguration configuration, string key) =>
        (configuration as IConfigurationRoot)?.Providers.OfType<CommandLineConfigurationProvider>()
            .Select(provider => provider.TryGet(key, out var value) ? value : null)
            .LastOrDefault(value => value is not null);
}
