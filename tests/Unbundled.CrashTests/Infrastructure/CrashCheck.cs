using Unbundled.AcceptanceTests.Infrastructure;

namespace Unbundled.CrashTests.Infrastructure;

/// <summary>What a check after a restart found: the invites acknowledged and attempted so far, the acknowledged customers lost, the emails with two ids.</summary>
internal sealed record CrashCheck(int Acknowledged, int Attempted, IReadOnlyList<string> Lost, IReadOnlyList<string> Duplicated)
{
    /// <summary>
    /// Asks the restarted system for every acknowledged customer (it must be found, with its email) and invites every
    /// attempted email again: the answer must be the first id (<c>CUSTOMER_ALREADY_INVITED</c>), or, for an email never
    /// acknowledged, a first invite, after which it must keep that id.
    /// </summary>
    public static async Task<CrashCheck> Run(Uri apiAddress, InviteLedger ledger)
    {
        using var http = new HttpClient { BaseAddress = apiAddress, Timeout = TimeSpan.FromSeconds(60) };
        var api = new GraphQLClient(http);
        var lost = new System.Collections.Concurrent.ConcurrentBag<string>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8 };
        await Parallel.ForEachAsync(ledger.Acknowledged, parallel, async (invite, _) =>
        {
            var found = (await api.Customer(invite.Value)).Field("Customer");
            if (found?["email"]?.GetValue<string>() != invite.Key)
            {
                lost.Add($"{invite.Key} ({invite.Value}): {found?.ToJsonString() ?? "not found"}");
            }
        });
        await Parallel.ForEachAsync(ledger.Attempted.Distinct(StringComparer.Ordinal), parallel, async (email, _) =>
        {
            var again = await InviteAgain(api, email);
            ledger.Saw(email, again);
        });
        return new CrashCheck(ledger.Acknowledged.Count, ledger.Attempted.Count, [.. lost], ledger.Duplicated());
    }

    public override string ToString() =>
        $"{Acknowledged} acknowledged of {Attempted} attempted, {Lost.Count} lost, {Duplicated.Count} duplicated";

    private static async Task<string> InviteAgain(GraphQLClient api, string email)
    {
        // Right after a restart a command from before the kill may still wait out its visibility timeout: then the
        // invite answers TIMEOUT, and a later one gets the id.
        for (var attempt = 1; ; attempt++)
        {
            var response = await api.Invite(email);
            if (response.InvitedId is { } id)
            {
                return id;
            }

            if (response.ErrorCode == "CUSTOMER_ALREADY_INVITED")
            {
                return response.FirstError!["extensions"]!["customerId"]!.GetValue<string>();
            }

            if (response.ErrorCode != "TIMEOUT" || attempt == 3)
            {
                throw new InvalidOperationException($"Inviting {email} again answered {response}");
            }
        }
    }
}
