using System.Text.Json.Serialization;

namespace Unbundled.Lambda.Runtime;

/// <summary>The error document the Runtime API takes on <c>/error</c> and <c>/init/error</c> (docs/lambda.md#runtime-api).</summary>
public sealed record FunctionError(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace)
{
    public static FunctionError From(Exception exception) =>
        new(exception.Message, exception.GetType().FullName ?? exception.GetType().Name,
            exception.StackTrace?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? []);
}

[JsonSerializable(typeof(FunctionError))]
internal sealed partial class FunctionErrorJson : JsonSerializerContext;
