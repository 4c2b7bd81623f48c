using Xunit;

namespace Unbundled.StaticState.Tests;

/// <summary>The scan itself: what it must find, and what it must let pass.</summary>
public sealed class When_a_static_holds_state
{
    [Fact]
    public void Should_find_writable_fields_and_readonly_ones_of_mutable_types()
    {
        var found = StaticFields.ThatHoldState(typeof(When_a_static_holds_state).Assembly).ToList();

        Assert.Contains(typeof(Statics).FullName + ".Counter", found);
        Assert.Contains(typeof(Statics).FullName + ".Cache", found);
        Assert.Contains(typeof(Statics).FullName + ".Lazily", found);
        Assert.Contains(typeof(Statics).FullName + ".Registry", found);
        Assert.DoesNotContain(typeof(Statics).FullName + ".Timeout", found);
        Assert.DoesNotContain(typeof(Statics).FullName + ".Name", found);
    }

    private static class Statics
    {
        public const string Name = "constant";
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
        public static int Counter = 1;
        public static readonly Dictionary<string, int> Cache = [];
        public static readonly Lazy<object> Lazily = new(() => new object());

        public static List<string> Registry { get; } = [];
    }
}
