using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Unbundled.Api.Tests.Telemetry;

/// <summary>A logger provider that keeps what one category logs, for tests to read.</summary>
internal sealed class CapturedLogs(string category) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> messages = new();

    public IReadOnlyCollection<string> Messages => messages;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName == category ? messages : null);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string>? messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => messages is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages?.Enqueue(formatter(state, exception));
    }
}
