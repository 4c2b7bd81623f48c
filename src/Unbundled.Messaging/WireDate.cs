using System.Globalization;

namespace Unbundled.Messaging;

/// <summary>
/// The NServiceBus wire date: UTC, <c>yyyy-MM-dd HH:mm:ss:ffffff Z</c> (a colon before the microseconds and a literal " Z").
/// </summary>
public static class WireDate
{
    private const string Format = "yyyy-MM-dd HH:mm:ss:ffffff Z";

    public static string ToWireFormattedString(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses a wire date; like NServiceBus it accepts only the exact format.</summary>
    public static DateTimeOffset ToUtcDateTimeOffset(string wireFormattedString)
    {
        if (wireFormattedString.Length != Format.Length)
        {
            throw new FormatException($"'{wireFormattedString}' is not a wire date ({Format}).");
        }

        var parsed = DateTime.ParseExact(wireFormattedString, Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
    }
}
