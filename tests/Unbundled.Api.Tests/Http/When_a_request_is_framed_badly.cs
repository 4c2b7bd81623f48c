using System.Text;
using System.Text.Json.Nodes;
using Unbundled.Api.Tests.Infrastructure;

namespace Unbundled.Api.Tests.Http;

/// <summary>Bodies too large or framed wrong get a GraphQL error, before the body is read, never a 500.</summary>
public sealed class When_a_request_is_framed_badly(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Should_answer_413_to_a_declared_length_over_the_limit_before_the_body_is_sent()
    {
        await using var http = await RawHttp.Connect(system.BaseAddress);

        // Only the head goes out: a server that waited for the 10 MB it was promised would never answer.
        await http.Send(RawHttp.PostHead("Content-Length: 10000000"));
        var (status, body) = await http.ReadAnswer(Patience);

        Assert.Equal(413, status);
        Assert.Equal("REQUEST_TOO_LARGE", Code(body));
    }

    [Fact]
    public async Task Should_answer_413_to_a_chunked_body_once_it_streams_past_the_limit()
    {
        await using var http = await RawHttp.Connect(system.BaseAddress);
        await http.Send(RawHttp.PostHead("Transfer-Encoding: chunked") + "8\r\n{\"query\"\r\n");

        // 16 KB chunks of JSON whitespace, up to 1 MB: the server stops reading after 64 KB and answers.
        var chunk = Encoding.ASCII.GetBytes($"4000\r\n{new string(' ', 0x4000)}\r\n");
        for (var sent = 0; sent < 64 && await http.TrySend(chunk); sent++)
        {
        }

        var (status, body) = await http.ReadAnswer(Patience);

        Assert.Equal(413, status);
        Assert.Equal("REQUEST_TOO_LARGE", Code(body));
    }

    [Theory]
    [InlineData("ffffffffffffffff")]
    [InlineData("zz")]
    public async Task Should_answer_400_not_500_to_a_chunk_size_Kestrel_cannot_read(string chunkSize)
    {
        await using var http = await RawHttp.Connect(system.BaseAddress);

        await http.Send(RawHttp.PostHead("Transfer-Encoding: chunked") + $"{chunkSize}\r\n{{\"query\":\"{{ __typename }}\"}}\r\n0\r\n\r\n");
        var (status, body) = await http.ReadAnswer(Patience);

        Assert.Equal(400, status);
        Assert.Equal("INVALID_REQUEST", Code(body));
    }

    private static string? Code(string body) => (string?)JsonNode.Parse(body)?["errors"]?[0]?["extensions"]?["code"];
}
