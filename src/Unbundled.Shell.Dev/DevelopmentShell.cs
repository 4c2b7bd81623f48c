using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Unbundled.Messaging.InProcess;
using Unbundled.Ports;

namespace Unbundled.Shell.Dev;

/// <summary>
/// The development features the AppHost and the test hosts give the shell: <c>--shell aws-local</c> starts the local
/// stand-ins (fauxqs, dynalite) in the process and points the AWS shell at them; <c>Unbundled:FailOnceDomain</c> makes
/// the first look-up of each email of that domain fail, to show and test recoverability.
/// </summary>
public sealed class DevelopmentShell : IDevelopmentShell
{
    public AwsStandInUrls StartStandIns(ShellOptions shell, IServiceCollection services, ProcessScope process)
    {
        var shared = AwsStandIns.For(process, shell);
        var standIns = shared.StandIns;
        services.AddSingleton(provider => new StandInsWatch(shared, provider.GetRequiredService<ILogger<StandInsWatch>>()));
        services.AddHostedService(provider => provider.GetRequiredService<StandInsWatch>());
        services.AddHealthChecks().AddCheck<StandInsWatch>("aws-local stand-ins");
        services.Decorate<ILoggerFactory>(inner => new QuietWhileStandInsDown(inner, standIns));
        return new AwsStandInUrls(standIns.SqsServiceUrl, standIns.SnsServiceUrl, standIns.DynamoDbServiceUrl);
    }

    public void DecoratePorts(IHostApplicationBuilder builder, ProcessScope process)
    {
        if (builder.Configuration["Unbundled:FailOnceDomain"] is { Length: > 0 } domain)
        {
            var failed = process.Shared<FailOnceEmailClaims.InjectedFailures>();
            builder.Services.Decorate<IEmailClaims>(inner => new FailOnceEmailClaims(inner, domain, failed));
        }
    }

    /// <summary>The stand-ins <paramref name="process"/> started (the benchmarks measure their CPU).</summary>
    public static LocalAws.LocalAwsStandIns StandInsOf(ProcessScope process) => AwsStandIns.In(process);
}
