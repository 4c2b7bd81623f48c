using GraphQL.Validation;

namespace Unbundled.Api.Http;

/// <summary>
/// The validation rules of each HTTP method, built once. A document seen for the first time gets all of them; one that
/// <see cref="GraphQL.ValidatedDocumentCache"/> already validated gets only those that depend on the request rather than
/// on the document's text, which is the cache key: GET's rule. The variables are coerced on every request regardless.
/// </summary>
/// <remarks>
/// Of the core rules only <c>FieldArgumentsAreValidRule</c> reads the request's values, and only for fields with argument
/// validators, of which this schema has none (a test holds it to that). It is left out of the cached sets because even
/// with nothing to check it makes the validator walk the whole document.
/// </remarks>
internal static class ValidationRulesByMethod
{
    public static IValidationRule[] Post { get; } = [.. DocumentValidator.CoreRules];

    public static IValidationRule[] PostCached { get; } = [];

    public static IValidationRule[] Get { get; } = [.. DocumentValidator.CoreRules, OnlyQueriesOverGet.Instance];

    public static IValidationRule[] GetCached { get; } = [OnlyQueriesOverGet.Instance];
}
