using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Unbundled.Lambda.Http;

namespace Unbundled.Lambda.Harness.Http;

/// <summary>
/// A function URL here: every HTTP request becomes a payload 2.0 event for the function, and its answer the response;
/// an invocation that fails or times out is a 502, as a function URL answers (docs/lambda.md#function-url).
/// </summary>
public sealed class FunctionUrlFront : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly LocalFunction function;

    private FunctionUrlFront(WebApplication app, LocalFunction function)
    {
        this.app = app;
        this.function = function;
        app.Run(Forward);
    }

    public Uri Address { get; private set; } = null!;

    /// <param name="port">0 for a free one.</param>
    public static async Task<FunctionUrlFront> Start(LocalFunction function, int port)
    {
        var front = new FunctionUrlFront(HarnessWebHost.Create(port), function);
        await front.app.StartAsync();
        front.Address = new Uri(front.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return front;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    private async Task Forward(HttpContext context)
    {
        var result = await function.Invoke(JsonSerializer.SerializeToUtf8Bytes(await ToEvent(context), HttpEventJson.Default.HttpEvent), context.RequestAborted);
        if (!result.Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            await context.Response.WriteAsJsonAsync(new { Message = "Internal Server Error" });
            return;
        }

        var answer = JsonSerializer.Deserialize(result.Payload, HttpEventJson.Default.HttpEventResponse)!;
        context.Response.StatusCode = answer.StatusCode;
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        foreach (var cookie in answer.Cookies)
        {
            context.Response.Headers.Append("set-cookie", cookie);
        }

        // The in-memory server set these for its own body; Kestrel frames this one itself.
        context.Response.Headers.Remove("transfer-encoding");
        var body = answer.IsBase64Encoded ? Convert.FromBase64String(answer.Body) : Encoding.UTF8.GetBytes(answer.Body);
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>The event a function URL sends: lower-case headers (one name, values joined by commas), cookies apart, the caller's address.</summary>
    private static async Task<HttpEvent> ToEvent(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var request = context.Request;
        var headers = request.Headers.Where(h => h.Key != "Cookie").ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value.ToArray()));
        var sourceIp = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        headers["x-forwarded-for"] = sourceIp;
        headers["x-forwarded-proto"] = request.Scheme;
        var text = HttpFunction.IsText(request.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var parsed) ? parsed : null);
        var body = buffer.Length == 0 ? null : text ? Encoding.UTF8.GetString(buffer.ToArray()) : Convert.ToBase64String(buffer.ToArray());
        return new HttpEvent(
            "2.0",
            request.Path.Value ?? "/",
            request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty,
            request.Cookies.Select(c => $"{c.Key}={c.Value}").ToList(),
            headers,
            new HttpEventContext(request.Host.Value ?? "localhost", new HttpEventRequest(request.Method, request.Path.Value ?? "/", request.Protocol, sourceIp, request.Headers.UserAgent.FirstOrDefault()),
                Guid.NewGuid().ToString(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
            body,
            body is not null && !text);
    }
}
