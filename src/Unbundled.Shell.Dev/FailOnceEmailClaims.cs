using System.Collections.Concurrent;
using Unbundled.Domain.Invitations;
using Unbundled.Ports;

namespace Unbundled.Shell.Dev;

/// <summary>
/// Fault injection for acceptance tests and demos of recoverability: with <c>--Unbundled:FailOnceDomain=example.test</c>
/// the first look-up of each email of that domain throws, so the invite is retried and must still produce exactly one
/// customer. Off unless configured.
/// </summary>
internal sealed class FailOnceEmailClaims(IEmailClaims inner, string domain) : IEmailClaims
{
    private static readonly ConcurrentDictionary<string, bool> Failed = new(StringComparer.Ordinal);

    public Task<EmailClaim?> Find(string emailKey, CancellationToken cancellationToken)
    {
        if (emailKey.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase) && Failed.TryAdd(emailKey, true))
        {
            throw new InvalidOperationException($"Injected failure: the first look-up of {emailKey} fails.");
        }

        return inner.Find(emailKey, cancellationToken);
    }

    public Task Add(EmailClaim claim, CancellationToken cancellationToken) => inner.Add(claim, cancellationToken);
}
