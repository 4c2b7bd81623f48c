using System.Collections.Concurrent;

namespace Unbundled.Messaging.AmazonSqs.Tests.Sns;

/// <summary>Sits below the signing handler and notes what actually goes on the wire, then sends it on.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(
            request.Method,
            // The signer adds its headers without validation, and the typed Authorization property does not parse AWS4 values.
            Header(request, "Authorization"),
            Header(request, "X-Amz-Date"),
            request.Content?.Headers.ContentType?.MediaType,
            body));
        return await base.SendAsync(request, cancellationToken);
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;
}
