using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Unbundled.Lambda.Runtime;

/// <summary>
/// The Lambda Runtime API, version 2018-06-01, over plain HTTP at <c>AWS_LAMBDA_RUNTIME_API</c> (docs/lambda.md#runtime-api):
/// the next invocation, its response or error, and the init error.
/// </summary>
public sealed class RuntimeApiClient : IDisposable
{
    public const string EndpointVariable = "AWS_LAMBDA_RUNTIME_API";
    public const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    // The next call waits for as long as there is no event (the environment may be frozen meanwhile): no timeout.
    private readonly HttpClient http;

    public RuntimeApiClient(string endpoint) =>
        http = new HttpClient { BaseAddress = new Uri($"http://{endpoint}/2018-06-01/runtime/"), Timeout = Timeout.InfiniteTimeSpan };

    public static RuntimeApiClient FromEnvironment() =>
        new(Environment.GetEnvironmentVariable(EndpointVariable)
            ?? throw new InvalidOperationException($"{EndpointVariable} is not set: this process is not running in a Lambda environment"));

    public async Task<Invocation> Next(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("invocation/next", cancellationToken);
        response.EnsureSuccessStatusCode();
        var headers = response.Headers;
        var deadlineMs = long.Parse(Single(headers, "Lambda-Runtime-Deadline-Ms"), CultureInfo.InvariantCulture);
        return new Invocation(
            Single(headers, "Lambda-Runtime-Aws-Request-Id"),
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            headers.TryGetValues("Lambda-Runtime-Invoked-Function-Arn", out var arn) ? arn.First() : string.Empty,
            headers.TryGetValues("Lambda-Runtime-Trace-Id", out var trace) ? trace.First() : null,
            await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    public Task Respond(string requestId, byte[] payload, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(payload);
        content.Headers.ContentType = Json;
        return Post($"invocation/{requestId}/response", content, cancellationToken);
    }

    public Task ReportError(string requestId, FunctionError error, CancellationToken cancellationToken) =>
        Post($"invocation/{requestId}/error", ErrorContent(error), cancellationToken);

    /// <summary>Reported once, when the function cannot start; the process exits after it.</summary>
    public Task ReportInitError(FunctionError error, CancellationToken cancellationToken) =>
        Post("init/error", ErrorContent(error), cancellationToken);

    public void Dispose() => http.Dispose();

    private static ByteArrayContent ErrorContent(FunctionError error)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, FunctionErrorJson.Default.FunctionError));
        content.Headers.ContentType = Json;
        content.Headers.Add(ErrorTypeHeader, error.ErrorType);
        return content;
    }

    /// <summary>The API answers 202 Accepted; 400/403/413 name a mistake of ours, 500 an environment that must end.</summary>
    private async Task Post(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using (content)
        using (var response = await http.PostAsync(path, content, cancellationToken))
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new HttpRequestException($"The Runtime API answered {(int)response.StatusCode} to {path}: {body}", null, response.StatusCode);
            }
        }
    }

    private static string Single(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.First() : throw new InvalidOperationException($"The Runtime API sent no {name} header");
}
