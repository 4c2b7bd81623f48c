namespace Unbundled.Messaging;

/// <summary>Headers added when a message is moved to the error queue; ServiceControl reads them.</summary>
public static class FaultsHeaderKeys
{
    public const string FailedQ = "NServiceBus.FailedQ";
    public const string ExceptionType = "NServiceBus.ExceptionInfo.ExceptionType";
    public const string InnerExceptionType = "NServiceBus.ExceptionInfo.InnerExceptionType";
    public const string HelpLink = "NServiceBus.ExceptionInfo.HelpLink";
    public const string Message = "NServiceBus.ExceptionInfo.Message";
    public const string Source = "NServiceBus.ExceptionInfo.Source";
    public const string StackTrace = "NServiceBus.ExceptionInfo.StackTrace";
    public const string ExceptionDataPrefix = "NServiceBus.ExceptionInfo.Data.";
    public const string TimeOfFailure = "NServiceBus.TimeOfFailure";
}
