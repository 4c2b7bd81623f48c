using Unbundled.AcceptanceTests.Infrastructure;
using Xunit;

namespace Unbundled.AcceptanceTests.Scenarios;

public abstract class When_the_email_is_not_acceptable<TSystem>(TSystem system) : AcceptanceTest<TSystem>(system)
    where TSystem : class, ISystemUnderTest
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_missing_email_is_EMAIL_REQUIRED(string? email)
    {
        var response = await Api.Invite(email);

        Assert.Equal("EMAIL_REQUIRED", response.ErrorCode);
        Assert.Equal("Email is required", response.FirstError!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("no-at-sign.example.com", "Email must contain exactly one '@'")]
    [InlineData("two@@example.com", "Email must contain exactly one '@'")]
    [InlineData("nodot@localhost", "The domain must contain at least one '.'")]
    [InlineData("sp ace@example.com", "Email must not contain whitespace or control characters")]
    public async Task A_malformed_email_is_INVALID_EMAIL_naming_the_rule(string email, string rule)
    {
        var response = await Api.Invite(email);

        Assert.Equal("INVALID_EMAIL", response.ErrorCode);
        Assert.Equal(rule, response.FirstError!["message"]!.GetValue<string>());
    }
}
