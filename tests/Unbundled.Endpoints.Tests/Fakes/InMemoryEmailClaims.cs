using Unbundled.Domain.Invitations;
using Unbundled.Ports;

namespace Unbundled.Endpoints.Tests.Fakes;

/// <summary>The email-claims port in memory, with the same rule as every real store: one claim per key.</summary>
internal sealed class InMemoryEmailClaims : IEmailClaims
{
    private readonly Dictionary<string, EmailClaim> claims = [];

    public IReadOnlyCollection<EmailClaim> All => claims.Values;

    public Task<EmailClaim?> Find(string emailKey, CancellationToken cancellationToken) =>
        Task.FromResult(claims.GetValueOrDefault(emailKey));

    public Task Add(EmailClaim claim, CancellationToken cancellationToken)
    {
        if (!claims.TryAdd(claim.Key, claim))
        {
            throw new InvalidOperationException($"{claim.Key} is already claimed.");
        }

        return Task.CompletedTask;
    }
}
