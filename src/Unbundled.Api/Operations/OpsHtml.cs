using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace Unbundled.Api.Operations;

/// <summary>The <c>/ops</c> page as HTML: every value encoded, every retry a form with the antiforgery token.</summary>
internal static class OpsHtml
{
    private const string Style = """
        body { font: 14px system-ui, sans-serif; margin: 1.5rem; } table { border-collapse: collapse; margin-bottom: 1rem; }
        th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; } .failed { color: #b00; } .passed { color: #070; }
        form { display: inline; } code { font-size: 12px; }
        """;

    public static string Render(OpsView view, AntiforgeryTokenSet tokens, int? retried, DateTimeOffset now)
    {
        var html = new StringBuilder();
        html.Append($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unbundled · Operations</title><link rel=\"icon\" href=\"data:,\"><style>{Style}</style></head><body>");
        html.Append("<h1>Operations</h1><p><a href=\"/\">GraphiQL</a> · what ServicePulse would show, without ServiceControl</p>");
        if (retried is { } count)
        {
            html.Append($"<p id=\"retried\">Retried {count} failed message(s).</p>");
        }

        FailedMessages(html, view, tokens);
        Endpoints(html, view, now);
        html.Append("<h2>Queues</h2><table id=\"queues\"><tr><th>queue</th><th>messages</th></tr>");
        foreach (var depth in view.Depths)
        {
            html.Append($"<tr data-queue=\"{E(depth.Queue)}\"><td>{E(depth.Queue)}</td><td>{(depth.Count is { } n ? n.ToString(CultureInfo.InvariantCulture) : E("unreachable: " + depth.Problem))}</td></tr>");
        }

        return html.Append("</table></body></html>").ToString();
    }

    private static void FailedMessages(StringBuilder html, OpsView view, AntiforgeryTokenSet tokens)
    {
        if (view.Error is not { } error)
        {
            html.Append($"<h2>Failed messages</h2><p class=\"failed\">{E(view.ErrorProblem)}</p>");
            return;
        }

        html.Append($"<h2>Failed messages ({error.Failed.Count})</h2>");
        foreach (var acknowledgement in error.Acknowledged)
        {
            html.Append($"<p class=\"acknowledged passed\">The retry of {E(acknowledgement.FailedMessageId)} succeeded at {acknowledgement.At:u}.</p>");
        }

        if (error.Failed.Count == 0)
        {
            return;
        }

        html.Append($"<form method=\"post\" action=\"{OpsPage.Path}/retry-all\">{Token(tokens)}<input type=\"hidden\" name=\"confirm\" value=\"all\"><button id=\"retry-all\">Retry all</button></form>");
        html.Append("<table id=\"failed-messages\"><tr><th>id</th><th>failed at</th><th>endpoint (queue)</th><th>message type</th><th>exception</th><th></th></tr>");
        foreach (var message in error.Failed)
        {
            html.Append($"<tr data-failed-id=\"{E(message.Id)}\" data-message-id=\"{E(message.MessageId)}\"><td><code>{E(message.Id)}</code></td><td>{message.TimeOfFailure:u}</td>")
                .Append($"<td>{E(message.ProcessingEndpoint)} ({E(message.FailedQueue)})</td><td>{E(message.MessageType)}</td>")
                .Append($"<td class=\"failed\">{E(message.ExceptionType)}: {E(message.ExceptionMessage)}</td><td>")
                .Append($"<form method=\"post\" action=\"{OpsPage.Path}/retry\">{Token(tokens)}<input type=\"hidden\" name=\"id\" value=\"{E(message.Id)}\"><button class=\"retry\">Retry</button></form></td></tr>");
        }

        html.Append("</table>");
    }

    private static void Endpoints(StringBuilder html, OpsView view, DateTimeOffset now)
    {
        html.Append("<h2>Endpoints</h2>");
        if (view.EndpointsProblem is { } problem)
        {
            html.Append($"<p class=\"failed\">{E(problem)}</p>");
        }

        html.Append("<table id=\"endpoints\"><tr><th>endpoint</th><th>host</th><th>last heartbeat</th><th>custom checks</th></tr>");
        foreach (var name in OpsView.Watched)
        {
            var status = view.Endpoints.FirstOrDefault(endpoint => endpoint.Endpoint == name);
            html.Append($"<tr data-endpoint=\"{E(name)}\"><td>{E(name)}</td>");
            if (status is null)
            {
                html.Append("<td></td><td class=\"failed\">none recorded</td><td></td></tr>");
                continue;
            }

            var age = (int)Math.Max(0, (now - status.LastHeartbeat).TotalSeconds);
            html.Append($"<td>{E(status.Host)}</td><td class=\"heartbeat\">{status.LastHeartbeat:u} ({age} s ago)</td><td><ul>");
            foreach (var check in status.Checks)
            {
                var outcome = check.HasFailed ? $"failed: {check.FailureReason}" : "passed";
                html.Append($"<li class=\"check {(check.HasFailed ? "failed" : "passed")}\" data-check=\"{E(check.CheckId)}\">{E(check.Category)} / {E(check.CheckId)}: {E(outcome)} ({check.ReportedAt:u})</li>");
            }

            html.Append("</ul></td></tr>");
        }

        html.Append("</table>");
    }

    private static string Token(AntiforgeryTokenSet tokens) =>
        $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";

    private static string E(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);
}
