using Unbundled.Lambda.TestFunction.Commands;
using Unbundled.Messaging;

namespace Unbundled.Lambda.TestFunction;

/// <summary>
/// Writes one line per attempt to the attempts file the test gives it, so the test can count what ran: the work's id, the
/// message id, the delayed retries the message has had (its <c>NServiceBus.Retries</c> header, 0 without one) and the time.
/// </summary>
public sealed class DoWorkHandler : IHandleMessages<DoWork>
{
    // Records of one batch run concurrently: their lines go in one at a time.
    private static readonly Lock AttemptsLock = new();

    public static string AttemptsFile => Environment.GetEnvironmentVariable("UNBUNDLED_TEST_ATTEMPTS")
        ?? throw new InvalidOperationException("UNBUNDLED_TEST_ATTEMPTS is not set");

    public async Task Handle(DoWork message, IMessageHandlerContext context)
    {
        int earlier;
        lock (AttemptsLock)
        {
            earlier = File.Exists(AttemptsFile) ? File.ReadAllLines(AttemptsFile).Count(l => l.StartsWith(message.Id + " ", StringComparison.Ordinal)) : 0;
            var retries = context.MessageHeaders.GetValueOrDefault(Headers.DelayedRetries, "0");
            File.AppendAllText(AttemptsFile, FormattableString.Invariant($"{message.Id} {context.MessageId} {retries} {DateTimeOffset.UtcNow:O}{Environment.NewLine}"));
        }

        if (message.Poison)
        {
            throw new InvalidOperationException($"Work {message.Id} is poison");
        }

        if (message.Stall && earlier == 0)
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
    }
}
