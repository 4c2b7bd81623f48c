namespace Unbundled.Api.Security;

/// <summary>
/// Who may call the API, bound from <c>Unbundled:Api:Auth</c>. With neither an API key nor a JWT issuer configured
/// anyone may (the embedded default, for a developer's machine); with either, a mutation needs a valid credential and a
/// query needs one unless <see cref="PublicQueries"/>.
/// </summary>
public sealed class ApiAuthOptions
{
    public const string Section = "Unbundled:Api:Auth";

    /// <summary>Keys a client may send in the <c>X-Api-Key</c> header; more than one lets a key be rotated.</summary>
    public List<string> ApiKeys { get; } = [];

    public JwtOptions Jwt { get; } = new();

    /// <summary>Whether <c>Customer(id)</c> answers a caller without credentials.</summary>
    public bool PublicQueries { get; set; } = true;

    public bool Enabled => ApiKeys.Count > 0 || Jwt.Enabled;

    /// <summary>
    /// Bearer tokens: from an identity provider's <see cref="Authority"/> (its signing keys found by OpenID Connect
    /// discovery), or signed with a shared <see cref="SigningKey"/> (HMAC-SHA256, at least 32 bytes of UTF-8).
    /// </summary>
    public sealed class JwtOptions
    {
        public string? Authority { get; set; }

        public string? SigningKey { get; set; }

        /// <summary>The issuer a token must name; with an authority, the one its discovery document gives.</summary>
        public string? Issuer { get; set; }

        /// <summary>The audience a token must name; none configured means no audience is checked.</summary>
        public string? Audience { get; set; }

        public bool Enabled => !string.IsNullOrEmpty(Authority) || !string.IsNullOrEmpty(SigningKey);
    }
}
