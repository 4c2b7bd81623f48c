using GraphQL.Validation;
using GraphQL.Validation.Rules;

namespace Unbundled.Api.Http;

/// <summary>
/// The validation rules of each HTTP method, built once. A document seen for the first time gets all of them; one that
/// <see cref="GraphQL.ValidatedDocumentCache"/> already validated gets only those that depend on the request (its
/// method, its variables), since the rest only look at the document's text, which is the cache key.
/// </summary>
internal static class ValidationRulesByMethod
{
    // Argument validators declared in the schema see the request's variables; none are declared today.
    private static readonly IValidationRule[] RequestValueRules = [FieldArgumentsAreValidRule.Instance];

    public static IValidationRule[] Post { get; } = [.. DocumentValidator.CoreRules];

    public static IValidationRule[] PostCached { get; } = RequestValueRules;

    public static IValidationRule[] Get { get; } = [.. DocumentValidator.CoreRules, OnlyQueriesOverGet.Instance];

    public static IValidationRule[] GetCached { get; } = [.. RequestValueRules, OnlyQueriesOverGet.Instance];
}
