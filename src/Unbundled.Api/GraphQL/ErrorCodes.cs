namespace Unbundled.Api.GraphQL;

/// <summary>The <c>extensions.code</c> values clients can rely on.</summary>
public static class ErrorCodes
{
    public const string EmailRequired = "EMAIL_REQUIRED";
    public const string InvalidEmail = "INVALID_EMAIL";
    public const string CustomerAlreadyInvited = "CUSTOMER_ALREADY_INVITED";
    public const string Timeout = "TIMEOUT";
    public const string InvalidJson = "INVALID_JSON";
    public const string InvalidRequest = "INVALID_REQUEST";

    // What bounds a request (docs/api-limits.md).
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotExecutable = "NOT_EXECUTABLE";
    public const string QueryTooDeep = "QUERY_TOO_DEEP";
    public const string QueryTooLarge = "QUERY_TOO_LARGE";
    public const string TooManyAliases = "TOO_MANY_ALIASES";
    public const string TooManyInvites = "TOO_MANY_INVITES";
    public const string TooManyRepeats = "TOO_MANY_REPEATS";
    public const string TooManyErrors = "TOO_MANY_ERRORS";
    public const string ResponseTooLarge = "RESPONSE_TOO_LARGE";

    // Who may ask, and how often.
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string RateLimited = "RATE_LIMITED";
}
