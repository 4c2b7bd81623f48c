using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Unbundled.Persistence.DynamoDB.Tests.Infrastructure;

/// <summary>Keeps what was logged, formatted, so a test can assert on it.</summary>
public sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> entries = new();

    public IReadOnlyCollection<(LogLevel Level, string Message)> Entries => entries;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        entries.Enqueue((logLevel, formatter(state, exception)));
}
