using Unbundled.Messaging.InProcess;
using Unbundled.Messaging.Operations;
using Unbundled.Messaging.Transport;
using Unbundled.Shell;
using Unbundled.Shell.Dev;
using Unbundled.Shell.Operations;

namespace Unbundled.AppHost;

/// <summary>
/// <c>failed list | show ID | retry ID | retry --all</c>, with the system's shell options (<c>--shell</c>,
/// <c>--data-path</c>, <c>--Unbundled:NamePrefix</c>…): the failed messages in <c>error</c>, retried as ServiceControl
/// retries them (docs/operations.md). Exit codes: 0 done, 1 no such failed message, 2 a queue out of reach, 64 bad usage.
/// </summary>
public static class FailedCommand
{
    public const string Name = "failed";

    public const int NotFound = 1;
    public const int Unreachable = 2;
    public const int Usage = 64;

    private const string UsageText = "usage: failed list | show ID | retry ID | retry --all [--shell embedded|aws|aws-local] [--data-path PATH] [--Unbundled:NamePrefix=…]";

    public static async Task<int> Run(string[] args, TextWriter output, TextWriter errors)
    {
        var words = args.TakeWhile(arg => !arg.StartsWith("--", StringComparison.Ordinal) || arg == "--all").ToList();
        var shellArgs = args.Skip(words.Count).ToArray();
        var (verb, target) = (words.ElementAtOrDefault(0), words.ElementAtOrDefault(1));
        if (verb is not ("list" or "show" or "retry") || (verb == "list") != (target is null))
        {
            await errors.WriteLineAsync(UsageText);
            return Usage;
        }

        try
        {
            await using var process = new ProcessScope();
            var builder = Host.CreateApplicationBuilder(SharedConventions.HostSettings(shellArgs));
            builder.JoinProcess(process).UseDevelopmentShell(new DevelopmentShell());
            var endpoint = builder.CreateEndpoint(ShellOperations.OperatorName);
            using var logging = LoggerFactory.Create(logs => logs.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
            await using var queues = await ShellOperations.Open(endpoint, logging);
            var failed = new FailedMessages(queues, endpoint.ErrorQueue);
            return verb switch
            {
                "list" => await List(failed, output),
                "show" => await Show(failed, target!, output, errors),
                _ => await Retry(failed, target!, output, errors),
            };
        }
        catch (Exception exception) when (exception is QueueUnreachableException or NotSupportedException or InvalidOperationException)
        {
            await errors.WriteLineAsync(exception.Message);
            return Unreachable;
        }
    }

    private static async Task<int> List(FailedMessages failed, TextWriter output)
    {
        var contents = await failed.List();
        foreach (var acknowledgement in contents.Acknowledged)
        {
            await output.WriteLineAsync($"retry of {acknowledgement.FailedMessageId} succeeded at {acknowledgement.At:u} (acknowledgement consumed)");
        }

        foreach (var message in contents.Failed)
        {
            await output.WriteLineAsync(FailedMessageText.Summary(message));
        }

        await output.WriteLineAsync($"{contents.Failed.Count} failed message(s) in error.");
        return 0;
    }

    private static async Task<int> Show(FailedMessages failed, string id, TextWriter output, TextWriter errors)
    {
        if (await failed.Find(id) is not { } message)
        {
            return await NoSuch(id, errors);
        }

        await output.WriteAsync(FailedMessageText.Whole(message));
        return 0;
    }

    private static async Task<int> Retry(FailedMessages failed, string id, TextWriter output, TextWriter errors)
    {
        if (id == "--all")
        {
            var retried = await failed.RetryAll();
            foreach (var each in retried)
            {
                await output.WriteLineAsync($"retried {each}");
            }

            await output.WriteLineAsync($"{retried.Count} failed message(s) retried.");
            return 0;
        }

        if (!await failed.Retry(id))
        {
            return await NoSuch(id, errors);
        }

        await output.WriteLineAsync($"retried {id}");
        return 0;
    }

    private static async Task<int> NoSuch(string id, TextWriter errors)
    {
        await errors.WriteLineAsync($"No failed message {id} in error (give the id 'failed list' prints, or the message id).");
        return NotFound;
    }
}
