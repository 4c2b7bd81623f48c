using Unbundled.Messaging.Tests.Infrastructure;

namespace Unbundled.Messaging.Tests;

public class WireDateTests
{
    [Fact]
    public void Formats_utc_with_a_colon_before_the_microseconds_and_a_Z_suffix() =>
        Assert.Equal("2024-05-01 13:45:07:123456 Z", WireDate.ToWireFormattedString(FixedClock.Example));

    [Fact]
    public void Formats_a_time_with_an_offset_as_its_utc_time()
    {
        var inCentralEurope = new DateTimeOffset(2024, 5, 1, 15, 45, 7, TimeSpan.FromHours(2)).AddTicks(1_234_560);

        Assert.Equal("2024-05-01 13:45:07:123456 Z", WireDate.ToWireFormattedString(inCentralEurope));
    }

    [Fact]
    public void Parses_a_wire_date_as_utc()
    {
        var parsed = WireDate.ToUtcDateTimeOffset("2024-05-01 13:45:07:123456 Z");

        Assert.Equal(FixedClock.Example, parsed);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }

    [Fact]
    public void Round_trips_to_the_microsecond()
    {
        var withTicksBelowAMicrosecond = FixedClock.Example.AddTicks(7);

        var roundTripped = WireDate.ToUtcDateTimeOffset(WireDate.ToWireFormattedString(withTicksBelowAMicrosecond));

        Assert.Equal(FixedClock.Example, roundTripped);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-05-01 13:45:07:123456")]
    [InlineData("2024-05-01 13:45:07:1234567 Z")]
    [InlineData("2024-05-01 13:45:07.123456 Z")]
    [InlineData("2024-05-01T13:45:07:123456 Z")]
    [InlineData("2024-05-01 13:45:07:123456 X")]
    [InlineData("2024-13-01 13:45:07:123456 Z")]
    public void Rejects_anything_but_the_exact_format(string notAWireDate) =>
        Assert.Throws<FormatException>(() => WireDate.ToUtcDateTimeOffset(notAWireDate));
}
