using System.Net;

namespace Unbundled.Messaging.AmazonSqs.Sns;

/// <summary>An SNS error response (<c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;</c>), e.g. <c>NotFound</c> or <c>Throttling</c>.</summary>
internal sealed class SnsException(string code, string message, HttpStatusCode statusCode)
    : Exception($"SNS error {code} ({(int)statusCode}): {message}")
{
    public string Code { get; } = code;

    /// <summary>The <c>&lt;Message&gt;</c> SNS sent, without the code and status prefix of <see cref="Exception.Message"/>.</summary>
    public string ErrorMessage { get; } = message;

    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>True for throttling and faults on the AWS side, where the same request may succeed later.</summary>
    public bool IsTransient =>
        (int)StatusCode >= 500 || StatusCode == HttpStatusCode.TooManyRequests || Code is "Throttling" or "Throttled";
}
