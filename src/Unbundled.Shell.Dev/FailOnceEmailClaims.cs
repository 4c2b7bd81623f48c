using System.Collections.Concurrent;
using Unbundled.Domain.Invitations;
using Unbundled.Ports;

namespace Unbundled.Shell.Dev;

/// <summary>
/// Fault injection for acceptance tests and demos of recoverability: with <c>--Unbundled:FailOnceDomain=example.test</c>
/// the first look-up of each email of that domain throws, so the invite is retried and must still produce exactly one
/// customer. Off unless configured.
/// </summary>
/// <remarks>The emails that failed once are remembered per process (<see cref="InjectedFailures"/>, kept in the process
/// scope): an invite retried by another endpoint's host of the same process must not fail again.</remarks>
internal sealed class FailOnceEmailClaims(IEmailClaims inner, string domain, FailOnceEmailClaims.InjectedFailures failed) : IEmailClaims
{
    public Task<EmailClaim?> Find(string emailKey, CancellationToken cancellationToken)
    {
        if (emailKey.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase) && failed.Emails.TryAdd(emailKey, true))
        {
            throw new InvalidOperationException($"Injected failure: the first look-up of {emailKey} fails.");
        }

        return inner.Find(emailKey, cancellationToken);
    }

    public Task Add(EmailClaim claim, CancellationToken cancellationToken) => inner.Add(claim, cancellationToken);

    /// <summary>The emails whose first look-up has failed in this process.</summary>
    public sealed class InjectedFailures
    {
        public ConcurrentDictionary<string, bool> Emails { get; } = new(StringComparer.Ordinal);
    }
}
