using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Unbundled.Ports;

namespace Unbundled.Shell.Dev;

/// <summary>
/// The development features the AppHost and the test hosts give the shell: <c>--shell aws-local</c> starts the local
/// stand-ins (fauxqs, dynalite) in the process and points the AWS shell at them; <c>Unbundled:FailOnceDomain</c> makes
/// the first look-up of each email of that domain fail, to show and test recoverability.
/// </summary>
public sealed class DevelopmentShell : IDevelopmentShell
{
    public AwsStandInUrls StartStandIns(ShellOptions shell, IServiceCollection services)
    {
        var standIns = AwsStandIns.For(shell);
        services.AddSingleton(provider => new StandInsWatch(standIns, provider.GetRequiredService<ILogger<StandInsWatch>>()));
        services.AddHostedService(provider => provider.GetRequiredService<StandInsWatch>());
        services.AddHealthChecks().AddCheck<StandInsWatch>("aws-local stand-ins");
        services.Decorate<ILoggerFactory>(inner => new QuietWhileStandInsDown(inner, standIns));
        return new AwsStandInUrls(standIns.SqsServiceUrl, standIns.SnsServiceUrl, standIns.DynamoDbServiceUrl);
    }

    public void DecoratePorts(IHostApplicationBuilder builder)
    {
        if (builder.Configuration["Unbundled:FailOnceDomain"] is { Length: > 0 } domain)
        {
            builder.Services.Decorate<IEmailClaims>(inner => new FailOnceEmailClaims(inner, domain));
        }
    }
}
