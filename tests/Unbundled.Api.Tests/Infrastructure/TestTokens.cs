using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Unbundled.Api.Tests.Infrastructure;

/// <summary>Real JWTs, signed here with HMAC-SHA256, and the settings that make the API accept them.</summary>
public static class TestTokens
{
    public const string SigningKey = "unbundled-tests-signing-key-of-32-bytes-or-more";
    public const string Issuer = "https://issuer.unbundled.test";
    public const string Audience = "unbundled-api";
    public const string ApiKey = "test-api-key-7f3a";

    public static string[] Settings(bool publicQueries) =>
    [
        "--Unbundled:Api:Auth:ApiKeys:0", ApiKey,
        "--Unbundled:Api:Auth:Jwt:SigningKey", SigningKey,
        "--Unbundled:Api:Auth:Jwt:Issuer", Issuer,
        "--Unbundled:Api:Auth:Jwt:Audience", Audience,
        "--Unbundled:Api:Auth:PublicQueries", publicQueries ? "true" : "false",
    ];

    public static string Token(
        string subject = "ada", string signingKey = SigningKey, string audience = Audience, DateTime? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", subject)]),
            Issuer = Issuer,
            Audience = audience,
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddMinutes(-20),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });

    public static async Task<HttpResponseMessage> PostGraphQL(this HttpClient http, string query, string? bearer = null, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return await http.SendAsync(request);
    }
}
