using System.Text.Json;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Unbundled.Api.GraphQL;
using Unbundled.Api.Limits;

namespace Unbundled.Api.Http;

/// <summary>
/// The body of a POST: JSON only (a form, text or multipart body is what a cross-site page can send without a CORS
/// preflight, so it must not run a mutation), no larger than <see cref="RequestLimits.MaxRequestBodyBytes"/>. A declared
/// length over the limit is refused before a byte is read; a chunked body is cut off by Kestrel as it streams past it.
/// Whatever is wrong with the body, or with its HTTP framing, the answer is a GraphQL error, never a 500.
/// </summary>
internal static class RequestBody
{
    /// <summary>The request, or null when an error answer has been written instead.</summary>
    public static async Task<GraphQLRequest?> Read(HttpContext http, GraphQLJson json, RequestLimits limits)
    {
        if (!IsJson(http.Request.ContentType))
        {
            await GraphQLErrorAnswer.Write(http, StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                "POST /graphql takes a body of Content-Type application/json.");
            return null;
        }

        if (http.Request.ContentLength > limits.MaxRequestBodyBytes)
        {
            await TooLarge(http, limits);
            return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        }

        try
        {
            return await json.ReadRequest(http.Request.BodyReader, http.RequestAborted) ?? new GraphQLRequest();
        }
        catch (JsonException exception)
        {
            await Refuse(http, StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, $"The request body is not valid JSON: {exception.Message}");
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLarge(http, limits);
        }
        catch (IOException exception)
        {
            // Kestrel's BadHttpRequestException (a malformed chunk, a body cut short) is one; so is a reset connection.
            await Refuse(http, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, $"The request body could not be read: {exception.Message}");
        }

        return null;
    }

    // What clients send, recognised without parsing; anything else is parsed.
    private static bool IsJson(string? contentType) =>
        string.Equals(contentType, "application/json", StringComparison.OrdinalIgnoreCase)
        || string.Equals(contentType, "application/json; charset=utf-8", StringComparison.OrdinalIgnoreCase)
        || IsParsedJson(contentType);

    private static bool IsParsedJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.MediaType.Equals(GraphQLErrorAnswer.ContentType, StringComparison.OrdinalIgnoreCase))
        && (mediaType.Charset.Length == 0 || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static Task TooLarge(HttpContext http, RequestLimits limits) =>
        Refuse(http, StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge,
            $"The request body is larger than {limits.MaxRequestBodyBytes} bytes.");

    private static async Task Refuse(HttpContext http, int status, string code, string message)
    {
        if (http.RequestAborted.IsCancellationRequested || http.Response.HasStarted)
        {
            return;
        }

        // The rest of the body is never read: the connection is closed after this answer rather than drained.
        http.Response.Headers.Connection = "close";
        await GraphQLErrorAnswer.Write(http, status, code, message);
    }
}
