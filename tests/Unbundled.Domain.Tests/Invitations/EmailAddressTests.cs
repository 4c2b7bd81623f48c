using Unbundled.Domain.Invitations;

namespace Unbundled.Domain.Tests.Invitations;

public class EmailAddressTests
{
    [Fact]
    public void Normalize_trims_and_keeps_the_case_as_typed() =>
        Assert.Equal("Ann@Example.com", EmailAddress.Normalize(" \tAnn@Example.com\n"));

    [Theory]
    [InlineData("ann@example.com")]
    [InlineData("ANN@EXAMPLE.COM")]
    [InlineData("  Ann@Example.com\t")]
    public void Key_ignores_case_and_surrounding_whitespace(string email) =>
        Assert.Equal("ANN@EXAMPLE.COM", EmailAddress.Key(email));
}
