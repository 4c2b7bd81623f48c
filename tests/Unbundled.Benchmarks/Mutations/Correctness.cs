using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Unbundled.Ports;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// What every system must still get right after its measured runs, checked the same way for each: every customer a
/// response named has its view in the system's read model, an email invited again (in other case and with spaces) is
/// rejected with <c>CUSTOMER_ALREADY_INVITED</c> and the first customer's id, and of concurrent invites of one new email
/// exactly one wins. Any failure stops the benchmark, as an invalid response does.
/// </summary>
internal static class Correctness
{
    private const string AlreadyInvited = "CUSTOMER_ALREADY_INVITED";
    private const int Duplicates = 20;
    private const int Racers = 8;

    public static async Task Check(ISystemUnderTest system, GraphQLInviteClient client, IReadOnlyList<(Guid Id, string Email)> invited)
    {
        var views = system.ApiServices.GetRequiredService<IReadCustomerViews>();
        var missing = new ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(invited, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (customer, token) =>
        {
            if (await views.Find(customer.Id, token) is not { Invited: true } view || !string.Equals(view.Email, customer.Email, StringComparison.Ordinal))
            {
                missing.Add(customer.Id);
            }
        });
        Fail(!missing.IsEmpty, $"{missing.Count} of {invited.Count} invited customers have no view, e.g. {missing.FirstOrDefault()}");

        foreach (var (id, email) in invited.Take(Duplicates))
        {
            var again = await client.Send($"  {email.ToUpperInvariant()} ");
            Fail(again.ErrorCode != AlreadyInvited || again.ExistingCustomerId != id, $"inviting {email} again answered {again.Body}");
        }

        var contested = $"{system.Name}-contested-{Guid.NewGuid():N}@bench.example";
        var answers = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => Task.Run(() => client.Send(contested))));
        var winners = answers.Where(a => a.CustomerId is not null).ToList();
        Fail(winners.Count != 1, $"{winners.Count} of {Racers} concurrent invites of {contested} were invited");
        Fail(answers.Any(a => a.CustomerId is null && (a.ErrorCode != AlreadyInvited || a.ExistingCustomerId != winners[0].CustomerId)),
            $"a concurrent invite of {contested} answered otherwise: {answers.First(a => a.CustomerId is null).Body}");

        Console.WriteLine($"  {system.Name,-11} checked: {invited.Count:N0} views written, {Duplicates} repeated emails rejected, "
            + $"{Racers} concurrent invites of one email gave 1 customer");
    }

    private static void Fail(bool failed, string what)
    {
        if (failed)
        {
            throw new InvalidOperationException($"Correctness check failed: {what}.");
        }
    }
}
