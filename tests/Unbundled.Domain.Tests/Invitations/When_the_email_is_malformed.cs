using Unbundled.Domain.Commands;
using Unbundled.Domain.Events;
using Unbundled.Domain.Invitations;

namespace Unbundled.Domain.Tests.Invitations;

public class When_the_email_is_malformed
{
    private static readonly string Label63 = new('d', 63);

    public static TheoryData<string, string> BrokenRules => new()
    {
        { new string('a', 64) + "@" + string.Join('.', Label63, Label63, Label63, Label63), "at most 254 characters" },
        { "ann smith@example.com", "whitespace or control characters" },
        { "ann@exa\u0001mple.com", "whitespace or control characters" },
        { "ann.example.com", "exactly one '@'" },
        { "ann@smith@example.com", "exactly one '@'" },
        { "@example.com", "1 to 64 characters" },
        { new string('a', 65) + "@example.com", "1 to 64 characters" },
        { "ann(smith)@example.com", "only hold letters, digits, dots and !#$%&'*+/=?^_`{|}~-" },
        { "anné@example.com", "only hold letters, digits, dots and !#$%&'*+/=?^_`{|}~-" },
        { ".ann@example.com", "start or end with a dot or have two dots in a row" },
        { "ann.@example.com", "start or end with a dot or have two dots in a row" },
        { "ann..smith@example.com", "start or end with a dot or have two dots in a row" },
        { "ann@localhost", "at least one '.'" },
        { "ann@example..com", "1 to 63 characters" },
        { "ann@example.com.", "1 to 63 characters" },
        { "ann@" + new string('d', 64) + ".com", "1 to 63 characters" },
        { "ann@exa_mple.com", "letters, digits, hyphens and dots" },
        { "ann@-example.com", "start or end with a hyphen" },
        { "ann@example-.com", "start or end with a hyphen" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void The_invite_fails_naming_the_rule_broken(string email, string rule)
    {
        var outcome = Decide(email);

        var failed = Assert.IsType<CustomerInviteFailed>(outcome);
        Assert.Equal(InviteFailureReason.InvalidEmail, failed.Reason);
        Assert.Contains(rule, failed.Message, StringComparison.Ordinal);
        Assert.Equal(email, failed.Email);
        Assert.Null(failed.ExistingCustomerId);
    }

    [Theory]
    [InlineData("a@b.co")]
    [InlineData("Ann.O'Neil+news@Mail-1.Example.COM")]
    [InlineData("!#$%&'*+/=?^_`{|}~-@example.com")]
    public void An_email_on_the_edge_of_the_rules_is_accepted(string email) =>
        Assert.IsType<CustomerInvited>(Decide(email));

    [Fact]
    public void The_longest_allowed_parts_and_length_are_accepted()
    {
        var email = new string('a', 64) + "@" + string.Join('.', Label63, Label63, new string('d', 61));

        Assert.Equal(254, email.Length);
        Assert.IsType<CustomerInvited>(Decide(email));
    }

    private static InvitationEvent Decide(string email) =>
        InviteDecider.Decide(new InviteCustomer(email, Guid.Empty, Guid.Empty, DateTimeOffset.UnixEpoch), existing: null);
}
