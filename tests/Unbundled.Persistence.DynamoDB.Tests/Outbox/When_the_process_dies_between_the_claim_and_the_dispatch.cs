using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.Customers.Handlers;
using Unbundled.Domain.Events;
using Unbundled.Messaging;
using Unbundled.Messaging.Outbox;
using Unbundled.Messaging.Testing;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Persistence.DynamoDB.Outbox;
using Unbundled.Persistence.DynamoDB.Tests.Infrastructure;
using Xunit;

namespace Unbundled.Persistence.DynamoDB.Tests.Outbox;

/// <summary>
/// The Customers process committed the claim (its one conditional put, carrying the outgoing messages) and died before it
/// dispatched anything or marked the message dispatched. The broker then delivers the command again.
/// </summary>
public sealed class When_the_process_dies_between_the_claim_and_the_dispatch : CustomersTest
{
    [Fact]
    public async Task Should_leave_a_claim_carrying_the_undispatched_messages_and_no_outbox_record()
    {
        await FirstAttemptDiesAfterCommit();

        var claim = Assert.Single(await World.ClaimItems());
        Assert.Equal(MessageId, claim["OutboxMessageId"].S);
        Assert.False(claim["Dispatched"].BOOL);
        var operations = OutboxAttributes.FromValue(claim["Operations"]);
        Assert.Equal(2, operations.Count);
        Assert.Single(operations, operation => operation.EventType == typeof(CustomerInvited).AssemblyQualifiedName);
        Assert.Null(await World.Outbox.Get(MessageId));
    }

    [Fact]
    public async Task Should_publish_and_reply_exactly_once_when_the_command_comes_back()
    {
        await FirstAttemptDiesAfterCommit();
        await World.Start();

        await World.Deliver(Command, MessageId);

        var published = await World.Published.Next();
        Assert.Equal(new CustomerInvited(Command.EventId, Command.CustomerId, Command.Email!, Command.RequestedAt), published.Message);
        Assert.Equal(Command.EventId.ToString(), published.Headers[Headers.MessageId]);
        var reply = await World.NextReply();
        Assert.True(reply.Invited);
        Assert.Equal(Command.CustomerId, reply.CustomerId);
        await World.Audit.Next();
        Assert.True(await World.Published.NothingMoreWithin(Scenario.QuietPeriod));
        Assert.True(await World.Replies.NothingWithin(TimeSpan.FromMilliseconds(200)));
        Assert.Single(await World.ClaimItems());
        Assert.True((await World.Outbox.Get(MessageId))!.Dispatched);
    }

    /// <summary>The pipeline's steps up to the crash: no outbox record, handler, store, commit; then no dispatch, no SetAsDispatched.</summary>
    private async Task FirstAttemptDiesAfterCommit()
    {
        var outbox = World.Outbox;
        Assert.Null(await outbox.Get(MessageId));
        await using var transaction = await outbox.BeginTransaction();
        var context = new TestableMessageHandlerContext { MessageId = MessageId, ReplyToAddress = CustomersWorld.Requester, SynchronizedStorageSession = transaction.Session };
        var handler = new InviteCustomerHandler(NullLogger<InviteCustomerHandler>.Instance, new DynamoDbEmailClaims(transaction.Session));

        await handler.Handle(Command, context);
        await outbox.Store(new OutboxRecord(MessageId, [.. OutgoingOperations(context)]), transaction);
        await transaction.Commit();
    }

    /// <summary>What the pipeline would have stored for what the handler published and replied (headers trimmed to the id).</summary>
    private static IEnumerable<OutboxOperation> OutgoingOperations(TestableMessageHandlerContext context)
    {
        foreach (var published in context.PublishedMessages)
        {
            var id = published.Options.GetMessageId()!;
            yield return new OutboxOperation(id, new Dictionary<string, string> { [Headers.MessageId] = id }, JsonSerializer.SerializeToUtf8Bytes(published.Message), null, published.Message.GetType().AssemblyQualifiedName);
        }

        foreach (var replied in context.RepliedMessages)
        {
            var id = Guid.NewGuid().ToString();
            yield return new OutboxOperation(id, new Dictionary<string, string> { [Headers.MessageId] = id }, JsonSerializer.SerializeToUtf8Bytes(replied.Message), context.ReplyToAddress, null);
        }
    }
}
