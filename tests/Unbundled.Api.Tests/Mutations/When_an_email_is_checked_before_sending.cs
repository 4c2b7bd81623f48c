using GraphQL;
using Unbundled.Api.GraphQL;
using Unbundled.Messaging;
using Unbundled.Ports;

namespace Unbundled.Api.Tests.Mutations;

/// <summary>An email the domain would reject never leaves the API: same code, same message, no command sent.</summary>
public sealed class When_an_email_is_checked_before_sending
{
    private readonly RecordingSession session = new();
    private readonly InviteCustomerMutation mutation;

    public When_an_email_is_checked_before_sending() => mutation = new InviteCustomerMutation(session, new CountingViews(), new ViewChanges(), TimeProvider.System);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Should_refuse_a_missing_email_with_EMAIL_REQUIRED(string? email)
    {
        var error = await Assert.ThrowsAsync<ExecutionError>(() => mutation.InviteCustomer(email, CancellationToken.None));

        Assert.Equal(ErrorCodes.EmailRequired, error.Code);
        Assert.Empty(session.Sent);
    }

    [Theory]
    [InlineData(255, "Email must be at most 254 characters")]
    [InlineData(29_000_000, "Email must be at most 254 characters")]
    public async Task Should_refuse_an_email_longer_than_SMTP_carries(int length, string message)
    {
        var email = new string('a', length - "@example.com".Length) + "@example.com";

        var error = await Assert.ThrowsAsync<ExecutionError>(() => mutation.InviteCustomer(email, CancellationToken.None));

        Assert.Equal(ErrorCodes.InvalidEmail, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Empty(session.Sent);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("ada@@example.com")]
    [InlineData("ada@example")]
    public async Task Should_refuse_an_email_of_the_wrong_shape(string email)
    {
        var error = await Assert.ThrowsAsync<ExecutionError>(() => mutation.InviteCustomer(email, CancellationToken.None));

        Assert.Equal(ErrorCodes.InvalidEmail, error.Code);
        Assert.Empty(session.Sent);
    }

    /// <summary>Records what would have been sent; a request never gets a reply here.</summary>
    private sealed class RecordingSession : IMessageSession
    {
        public List<object> Sent { get; } = [];

        public Task Send(object message, SendOptions options, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }

        public Task Publish(object message, PublishOptions options, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }

        public Task<TResponse> Request<TResponse>(object message, SendOptions options, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            throw new TimeoutException("No reply in this test.");
        }
    }
}
