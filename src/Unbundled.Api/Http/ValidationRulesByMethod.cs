using GraphQL.Validation;
using Unbundled.Api.Security;

namespace Unbundled.Api.Http;

/// <summary>
/// The validation rules of each HTTP method, built once. A document seen for the first time gets all of them; one that
/// <see cref="GraphQL.ValidatedDocumentCache"/> already validated gets only those that depend on the request rather than
/// on the document's text, which is the cache key: GET's rule, and the one refusing mutations to a caller who has not
/// authenticated. The variables are coerced on every request regardless.
/// </summary>
/// <remarks>
/// Of the core rules only <c>FieldArgumentsAreValidRule</c> reads the request's values, and only for fields with argument
/// validators, of which this schema has none (a test holds it to that). It is left out of the cached sets because even
/// with nothing to check it makes the validator walk the whole document.
/// </remarks>
internal static class ValidationRulesByMethod
{
    internal sealed record Rules(IValidationRule[] New, IValidationRule[] Cached);

    public static Rules Post { get; } = new([.. DocumentValidator.CoreRules], []);

    public static Rules PostWithoutCaller { get; } = new([.. DocumentValidator.CoreRules, MutationsNeedACaller.Instance], [MutationsNeedACaller.Instance]);

    public static Rules Get { get; } = new([.. DocumentValidator.CoreRules, OnlyQueriesOverGet.Instance], [OnlyQueriesOverGet.Instance]);

    public static Rules ForPost(bool refuseMutations) => refuseMutations ? PostWithoutCaller : Post;
}
