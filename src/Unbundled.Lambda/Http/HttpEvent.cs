using System.Text.Json.Serialization;

namespace Unbundled.Lambda.Http;

/// <summary>A function URL's (or HTTP API's) request event, payload format 2.0 (docs/lambda.md#function-url).</summary>
public sealed record HttpEvent(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("rawPath")] string RawPath,
    [property: JsonPropertyName("rawQueryString")] string RawQueryString,
    [property: JsonPropertyName("cookies")] IReadOnlyList<string>? Cookies,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string>? Headers,
    [property: JsonPropertyName("requestContext")] HttpEventContext RequestContext,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("isBase64Encoded")] bool IsBase64Encoded)
{
    [JsonPropertyName("routeKey")]
    public string RouteKey { get; init; } = "$default";
}

public sealed record HttpEventContext(
    [property: JsonPropertyName("domainName")] string DomainName,
    [property: JsonPropertyName("http")] HttpEventRequest Http,
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("timeEpoch")] long TimeEpoch)
{
    [JsonPropertyName("stage")]
    public string Stage { get; init; } = "$default";
}

public sealed record HttpEventRequest(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("protocol")] string Protocol,
    [property: JsonPropertyName("sourceIp")] string SourceIp,
    [property: JsonPropertyName("userAgent")] string? UserAgent);

/// <summary>The function's answer in payload format 2.0: header values of one name joined by commas, cookies apart.</summary>
public sealed record HttpEventResponse(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string> Headers,
    [property: JsonPropertyName("cookies")] IReadOnlyList<string> Cookies,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("isBase64Encoded")] bool IsBase64Encoded);

[JsonSerializable(typeof(HttpEvent))]
[JsonSerializable(typeof(HttpEventResponse))]
public sealed partial class HttpEventJson : JsonSerializerContext;
