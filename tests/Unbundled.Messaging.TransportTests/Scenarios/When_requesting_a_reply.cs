using Unbundled.Messaging.TransportTests.Commands;
using Unbundled.Messaging.TransportTests.Handlers;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Messaging.TransportTests.Messages;
using Xunit;

namespace Unbundled.Messaging.TransportTests.Scenarios;

public abstract class When_requesting_a_reply<TWorld> : TransportTest<TWorld>
    where TWorld : ITransportWorld, new()
{
    [Fact]
    public async Task Should_complete_the_request_through_the_instance_queue()
    {
        var requester = await StartRequester();

        var answer = await requester.Request<Answer>(new AskQuestion("life"));

        Assert.Equal(new Answer("Answer to life"), answer);
        var request = await Observations.Next();
        Assert.EndsWith("Requester-instance-1", request.Headers[Headers.ReplyToAddress]);
    }

    [Fact]
    public async Task Should_carry_int_and_enum_replies_as_control_messages()
    {
        var requester = await StartRequester();

        Assert.Equal(42, await requester.Request<int>(new AskQuestion("number", ReplyWith: "int")));
        Assert.Equal(Verdict.Accepted, await requester.Request<Verdict>(new AskQuestion("verdict", ReplyWith: "enum")));
    }

    [Fact]
    public async Task Should_answer_concurrent_requests_each_with_its_own_reply()
    {
        var requester = await StartRequester();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => requester.Request<Answer>(new AskQuestion($"q{i}"))));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => new Answer($"Answer to q{i}")), answers);
    }

    [Fact]
    public async Task Should_time_out_and_drop_the_late_reply_without_an_error()
    {
        var errors = await SpyOn("error");
        var requester = await StartRequester(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAsync<TimeoutException>(() => requester.Request<Answer>(new AskQuestion("slow", DelayMilliseconds: 1500)));

        Assert.True(await errors.NothingWithin(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Should_end_with_cancellation_when_the_caller_cancels()
    {
        var requester = await StartRequester();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => requester.Request<Answer>(new AskQuestion("slow", DelayMilliseconds: 2000), cancellation.Token));
    }

    private async Task<IEndpointInstance> StartRequester(TimeSpan? timeout = null)
    {
        await StartEndpoint("Responder", c => c.RegisterHandler<AskQuestionHandler>().EnableCallbacks(makesRequests: false));
        return await StartEndpoint("Requester", c => c
            .MakeInstanceUniquelyAddressable("instance-1")
            .EnableCallbacks(defaultRequestTimeout: timeout ?? Scenario.Timeout)
            .Routing.RouteToEndpoint(typeof(AskQuestion), "Responder"));
    }
}
