using Microsoft.Extensions.Logging.Abstractions;
using Unbundled.AcceptanceTests.Infrastructure;
using Unbundled.Lambda.Harness;
using Unbundled.Messaging;
using Unbundled.Messaging.TransportTests.Infrastructure;
using Unbundled.Testing.Aws;
using Xunit;

namespace Unbundled.AcceptanceTests.Lambda;

/// <summary>
/// The API function alone, with nobody serving the Customers queue: a mutation's invocation polls its reply queue until
/// the request times out and answers with a GraphQL error; the reply that comes after it is dropped by the next
/// invocation's poll (docs/lambda.md#request-response).
/// </summary>
public sealed class When_the_API_function_gets_no_reply : IAsyncLifetime
{
    private readonly string prefix = NamePrefix.Create();
    private AwsEmulators? emulators;
    private QueueSpy? customers;
    private LambdaLocalSystem? api;
    private GraphQLClient? client;

    public async Task InitializeAsync()
    {
        emulators = await AwsEmulators.Shared();
        // The spy creates the Customers queue the API sends to, and takes the requests off it.
        customers = await QueueSpy.Start(emulators.CreateTransport(prefix), "Unbundled.Customers");
        api = await LambdaLocalSystem.StartApi(new LambdaLocalOptions(LambdaSystem.Bootstrap, emulators.SqsServiceUrl, emulators.SnsServiceUrl, emulators.DynamoDbServiceUrl)
        {
            NamePrefix = prefix,
            InitTimeout = LoadedMachine.InitLimit,
            Settings = new Dictionary<string, string> { ["request-timeout-seconds"] = "2", ["Logging__LogLevel__Default"] = "Warning" },
        }, NullLoggerFactory.Instance);
        client = new GraphQLClient(new HttpClient { BaseAddress = api.ApiAddress, Timeout = TimeSpan.FromSeconds(60) });
    }

    [Fact]
    public async Task Should_answer_with_a_timeout_error_and_drop_the_reply_that_comes_later()
    {
        var answer = await client!.Invite($"user-{Guid.NewGuid():N}@example.com");

        Assert.Equal("TIMEOUT", answer.ErrorCode);
        Assert.Contains("No reply to InviteCustomer", answer.FirstError?["message"]?.GetValue<string>(), StringComparison.Ordinal);
        var request = await customers!.Next();
        var replyQueue = request.Headers[Headers.ReplyToAddress];

        // The reply to the request of the invocation that ended: the next invocation's poll takes it and drops it.
        await using var errors = await QueueSpy.Start(emulators!.CreateTransport(prefix), "error");
        await Replies.Send(emulators.CreateTransport(prefix), replyQueue, request.Headers[Headers.MessageId], request.Headers[Headers.CorrelationId]);
        var next = await client.Invite($"user-{Guid.NewGuid():N}@example.com");

        Assert.Equal("TIMEOUT", next.ErrorCode);
        Assert.Equal(0, await Replies.Left(emulators, replyQueue));
        Assert.True(await errors.NothingWithin(TimeSpan.FromSeconds(2)), "the late reply went to error");
    }

    public async Task DisposeAsync()
    {
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        if (customers is not null)
        {
            await customers.DisposeAsync();
        }
    }
}
