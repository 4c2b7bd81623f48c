using Microsoft.Extensions.Logging;
using Unbundled.LocalAws;

namespace Unbundled.Shell.Dev;

/// <summary>
/// While a stand-in is down (reported once by <see cref="StandInsWatch"/>), the messaging library's warnings are held
/// back: every receive loop would log its failed attempt once a second, about 500 lines a minute saying the same thing.
/// So are the health checks' (each <c>/health</c> poll would warn that <c>error</c> cannot be read). Errors still show.
/// </summary>
internal sealed class QuietWhileStandInsDown(ILoggerFactory inner, LocalAwsStandIns standIns) : ILoggerFactory
{
    private const string MessagingCategory = "Unbundled.Messaging";
    private const string HealthChecksCategory = "Microsoft.Extensions.Diagnostics.HealthChecks";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName.StartsWith(MessagingCategory, StringComparison.Ordinal) || categoryName.StartsWith(HealthChecksCategory, StringComparison.Ordinal) ? new QuietLogger(logger, standIns) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class QuietLogger(ILogger inner, LocalAwsStandIns standIns) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) =>
            inner.IsEnabled(logLevel) && (logLevel >= LogLevel.Error || standIns.Exits.Count == 0);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
