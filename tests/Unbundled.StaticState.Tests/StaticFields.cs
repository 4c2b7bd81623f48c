using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using System.Xml.Linq;

namespace Unbundled.StaticState.Tests;

/// <summary>
/// The static fields of an assembly that can hold state: every field that is not readonly, and every readonly one whose
/// type is not known to be immutable (a collection, a cache, a lazy, a completion source, a lock, any class of ours).
/// Backing fields of static properties count as the property; fields the compiler makes for lambdas do not, nor do those
/// of System.Text.Json's source generator (a <see cref="JsonSerializerContext"/>: the options and the metadata of the
/// types it was generated for, fixed at build time).
/// </summary>
internal static class StaticFields
{
    private static readonly HashSet<Type> Immutable =
    [
        typeof(string), typeof(decimal), typeof(TimeSpan), typeof(DateTime), typeof(DateTimeOffset), typeof(Guid),
        typeof(Type), typeof(Uri), typeof(XNamespace),
    ];

    public static IEnumerable<string> ThatHoldState(Assembly assembly) =>
        from type in assembly.GetTypes()
        where !type.IsDefined(typeof(CompilerGeneratedAttribute)) && !IsNestedInCompilerGenerated(type)
            && !type.IsSubclassOf(typeof(JsonSerializerContext))
        from field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
        where !field.IsLiteral && (!field.IsInitOnly || !IsImmutable(field.FieldType))
        select $"{type.FullName}.{Name(field)}";

    private static bool IsImmutable(Type type) =>
        type.IsPrimitive || type.IsEnum || Immutable.Contains(type)
        || (Nullable.GetUnderlyingType(type) is { } underlying && IsImmutable(underlying));

    private static bool IsNestedInCompilerGenerated(Type type) =>
        type.DeclaringType is { } outer && (outer.IsDefined(typeof(CompilerGeneratedAttribute)) || IsNestedInCompilerGenerated(outer));

    /// <summary><c>&lt;Instance&gt;k__BackingField</c> reads as <c>Instance</c>.</summary>
    private static string Name(FieldInfo field) =>
        field.Name.StartsWith('<') && field.Name.EndsWith(">k__BackingField", StringComparison.Ordinal)
            ? field.Name[1..field.Name.IndexOf('>')]
            : field.Name;
}
