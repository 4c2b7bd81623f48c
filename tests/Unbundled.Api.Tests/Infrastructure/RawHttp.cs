using System.Net.Sockets;
using System.Text;

namespace Unbundled.Api.Tests.Infrastructure;

/// <summary>HTTP/1.1 written byte by byte on a socket, for requests no well-behaved client would send.</summary>
public sealed class RawHttp : IAsyncDisposable
{
    private readonly TcpClient client = new();
    private NetworkStream stream = null!;

    public static async Task<RawHttp> Connect(Uri baseAddress)
    {
        var raw = new RawHttp();
        await raw.client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        raw.stream = raw.client.GetStream();
        return raw;
    }

    /// <summary>A POST to /graphql's request line and headers, with <paramref name="headers"/> as written.</summary>
    public static string PostHead(params string[] headers) =>
        $"POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n{string.Concat(headers.Select(h => h + "\r\n"))}\r\n";

    public Task Send(string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    /// <summary>Sends as much of <paramref name="bytes"/> as the server takes; false when it closed the connection first.</summary>
    public async Task<bool> TrySend(byte[] bytes)
    {
        try
        {
            await stream.WriteAsync(bytes);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The status line and body of the answer, read until the server closes or the body is complete.</summary>
    public async Task<(int Status, string Body)> ReadAnswer(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        var received = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, timeout.Token);
            }
            catch (IOException) when (received.Length > 0)
            {
                read = 0;
            }

            received.Write(buffer, 0, read);
            var text = Encoding.UTF8.GetString(received.ToArray());
            var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (read == 0 || (headEnd >= 0 && IsComplete(text, headEnd)))
            {
                return (int.Parse(text.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture), headEnd < 0 ? "" : text[(headEnd + 4)..]);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync();
        client.Dispose();
    }

    private static bool IsComplete(string text, int headEnd)
    {
        var length = text[..headEnd].Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is not null && text.Length - headEnd - 4 >= int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
