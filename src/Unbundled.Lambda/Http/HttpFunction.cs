using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Unbundled.Lambda.Runtime;

namespace Unbundled.Lambda.Http;

/// <summary>
/// An ASP.NET Core application as a function behind a function URL: each payload 2.0 event becomes a request to the
/// application's in-memory server, and its response the event's answer (docs/lambda.md#function-url).
/// </summary>
public sealed class HttpFunction(HttpMessageHandler application) : IInvocationHandler, IDisposable
{
    private readonly HttpMessageInvoker invoker = new(application);

    public void Dispose() => invoker.Dispose();

    public async Task<byte[]> Handle(Invocation invocation, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize(invocation.Payload, HttpEventJson.Default.HttpEvent)
            ?? throw new JsonException("The invocation is not an HTTP event");
        using var message = ToRequest(request);
        using var response = await invoker.SendAsync(message, cancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(await ToAnswer(response, cancellationToken), HttpEventJson.Default.HttpEventResponse);
    }

    private static HttpRequestMessage ToRequest(HttpEvent request)
    {
        var query = string.IsNullOrEmpty(request.RawQueryString) ? string.Empty : "?" + request.RawQueryString;
        var message = new HttpRequestMessage(new HttpMethod(request.RequestContext.Http.Method), new Uri("http://" + request.RequestContext.DomainName + request.RawPath + query));
        var body = request.Body is null ? [] : request.IsBase64Encoded ? Convert.FromBase64String(request.Body) : Encoding.UTF8.GetBytes(request.Body);
        message.Content = new ByteArrayContent(body);
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (request.Cookies is { Count: > 0 } cookies)
        {
            message.Headers.TryAddWithoutValidation("cookie", string.Join("; ", cookies));
        }

        return message;
    }

    private static async Task<HttpEventResponse> ToAnswer(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var cookies = new List<string>();
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (string.Equals(name, "set-cookie", StringComparison.OrdinalIgnoreCase))
            {
                cookies.AddRange(values);
            }
            else
            {
                headers[name.ToLowerInvariant()] = string.Join(",", values);
            }
        }

        var text = IsText(response.Content.Headers.ContentType);
        return new HttpEventResponse((int)response.StatusCode, headers, cookies, text ? Encoding.UTF8.GetString(body) : Convert.ToBase64String(body), !text);
    }

    /// <summary>Text goes as it is; anything else in Base64, as function URLs expect of binary answers.</summary>
    public static bool IsText(MediaTypeHeaderValue? contentType) => contentType?.MediaType is { } type
        && (type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || type.EndsWith("json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("javascript", StringComparison.OrdinalIgnoreCase) || type.EndsWith("xml", StringComparison.OrdinalIgnoreCase));
}
