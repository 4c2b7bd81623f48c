using System.Text;
using Unbundled.Domain.Commands;
using Unbundled.Domain.Customers;
using Unbundled.Domain.Events;
using Unbundled.Domain.Invitations;
using Unbundled.Messaging.Outbox;
using Unbundled.Persistence.Sqlite;
using Unbundled.Contracts;

namespace Unbundled.Benchmarks.Mutations.Profiling;

/// <summary>
/// The storage work of one invite, with the system's own SQLite classes and no messaging: the Customers endpoint's outbox
/// lookup, unit of work (claim lookup, then the claim and the outbox record committed in a shared write batch) and
/// mark-as-dispatched, the Projector's read and upsert of the view, and the API's read-your-writes read.
/// </summary>
internal static class SqliteAlone
{
    public static async Task<Measurement> Run(int count, int concurrency, bool busyTimeout)
    {
        using var arguments = SystemArguments.Create("sqlite");
        var database = new SqliteDatabase(Path.Combine(arguments.DataPath, "unbundled.db"));
        var persistence = new SqlitePersistence(database);
        await persistence.Install();
        if (busyTimeout)
        {
            await BusyTimeout.Prime(database.ConnectionString);
        }

        var outbox = persistence.CreateOutboxStorage(EndpointNames.Customers);
        var views = new SqliteCustomerViews(database);
        var emails = new Emails("sqlite");
        return await Load.Drive(count, concurrency, _ => Invite(outbox, views, emails.Next()));
    }

    private static async Task Invite(IOutboxStorage outbox, SqliteCustomerViews views, string email)
    {
        var command = new InviteCustomer(email, Guid.CreateVersion7(), Guid.CreateVersion7(), DateTimeOffset.UtcNow);
        var messageId = Guid.CreateVersion7().ToString();
        if (await outbox.Get(messageId) is not null)
        {
            throw new InvalidOperationException("A fresh message id was found in the outbox.");
        }

        CustomerInvited invited;
        await using (var transaction = await outbox.BeginTransaction())
        {
            var claims = new SqliteEmailClaims(transaction.Session);
            var claim = await claims.Find(EmailAddress.Key(email), CancellationToken.None);
            invited = (CustomerInvited)InviteDecider.Decide(command, claim);
            await claims.Add(InviteDecider.Evolve(claim, invited)!, CancellationToken.None);
            await outbox.Store(new OutboxRecord(messageId, [Operation("Unbundled.Api-bench"), Operation(null)]), transaction);
            await transaction.Commit();
        }

        await outbox.SetAsDispatched(messageId);
        var view = await views.Find(invited.CustomerId, CancellationToken.None);
        await views.Save(CustomerProjection.Project(view, invited), CancellationToken.None);
        if (await views.Find(invited.CustomerId, CancellationToken.None) is null)
        {
            throw new InvalidOperationException("The view just saved was not found.");
        }
    }

    /// <summary>An outgoing message the size of the real reply and event: a dozen headers and a small JSON body.</summary>
    private static OutboxOperation Operation(string? destination)
    {
        var headers = Enumerable.Range(0, 12).ToDictionary(i => $"NServiceBus.Header{i}", _ => Guid.NewGuid().ToString());
        var body = Encoding.UTF8.GetBytes($$"""{"EventId":"{{Guid.NewGuid()}}","CustomerId":"{{Guid.NewGuid()}}","Email":"someone@bench.example","InvitedAt":"{{DateTimeOffset.UtcNow:O}}"}""");
        return new OutboxOperation(Guid.NewGuid().ToString(), headers, body, destination, destination is null ? typeof(CustomerInvited).AssemblyQualifiedName : null);
    }
}
