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
}
