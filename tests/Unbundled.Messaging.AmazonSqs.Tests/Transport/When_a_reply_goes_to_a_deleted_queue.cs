using Unbundled.Messaging.AmazonSqs.Tests.Conformance;
using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Messaging.TransportTests.Messages;
using Xunit;

namespace Unbundled.Messaging.AmazonSqs.Tests.Transport;

/// <summary>The requester's instance queue is deleted (its instance gone) while its request is being handled.</summary>
public sealed class When_a_reply_goes_to_a_deleted_queue : TransportTest<SqsWorld>
{
    [Fact]
    public async Task Should_drop_the_reply_and_not_send_the_request_to_error()
    {
        var errors = await SpyOn("error");
        await StartEndpoint("Responder", c => c.RegisterHandler<AskQuestionHandler>().EnableCallbacks(makesRequests: false));
        var requester = await StartEndpoint("Api", c => c
            .MakeInstanceUniquelyAddressable("gone")
            .EnableCallbacks()
            .Routing.RouteToEndpoint(typeof(AskQuestion), "Responder"));
        using var abandoned = new CancellationTokenSource();
        var request = requester.Request<Answer>(new AskQuestion("anyone?", DelayMilliseconds: 3_000), abandoned.Token);

        await Observations.Next();
        using (var instanceQueue = await RawQueue.Existing(World.Prefix + "Api-gone"))
        {
            await instanceQueue.Sqs.DeleteQueueAsync(instanceQueue.Url);
        }

        Assert.True(await errors.NothingWithin(TimeSpan.FromSeconds(8)), "The handled request went to the error queue.");
        await abandoned.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
    }

    [Fact]
    public async Task Should_still_fail_a_send_to_a_missing_endpoint_queue()
    {
        var errors = await SpyOn("error");
        var sender = await StartEndpoint("Sender", c => c.Routing.RouteToEndpoint(typeof(DoSomething), "NobodyHome"));

        await Assert.ThrowsAsync<Amazon.SQS.Model.QueueDoesNotExistException>(() => sender.Send(new DoSomething("lost")));

        Assert.True(await errors.NothingWithin(TimeSpan.FromSeconds(1)));
    }
}
