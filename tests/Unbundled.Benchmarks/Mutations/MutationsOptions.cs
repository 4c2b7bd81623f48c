using System.Globalization;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>
/// The command line of <c>mutations</c>: <c>--count</c> mutations per concurrent run (a quarter of them at concurrency 1),
/// <c>--concurrency</c>, <c>--warmup</c> mutations before each system is measured, <c>--quick</c> for a smoke run and
/// <c>--profile</c> to time the stages of our own flow, <c>--only</c> one of <see cref="Systems"/> to run one system (for an
/// external profiler), <c>--sustain</c> seconds at full speed over HTTP at <c>--concurrency</c>, watching the SQLite
/// write-ahead log (<see cref="SustainedRun"/>), <c>--no-check</c> to leave out the correctness checks after the runs (for
/// <c>strace -c</c> and other counts of the measured runs alone: the checks read every view back).
/// </summary>
internal sealed record MutationsOptions(
    int Count, int Concurrency, int WarmUp, bool Quick, bool Profile, string? Only = null, int SustainSeconds = 0, bool Check = true)
{
    public static MutationsOptions Default { get; } = new(Count: 4_000, Concurrency: 16, WarmUp: 1_000, Quick: false, Profile: false);

    public static MutationsOptions QuickRun { get; } = new(Count: 400, Concurrency: 8, WarmUp: 50, Quick: true, Profile: false);

    /// <summary>The runs at concurrency 1 are slower by nature: they get a quarter of the count.</summary>
    public int SequentialCount => Math.Max(50, Count / 4);

    /// <summary>What <c>--only</c> accepts.</summary>
    public static readonly string[] Systems = ["ours", "ours-off", "ours-aws", "masstransit", "wolverine-durable", "wolverine-invoke", "no-bus"];

    public static MutationsOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick") ? QuickRun : Default;
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--quick" => options,
                "--profile" => options with { Profile = true },
                "--count" => options with { Count = Number(args, ++i) },
                "--concurrency" => options with { Concurrency = Number(args, ++i) },
                "--warmup" => options with { WarmUp = Number(args, ++i) },
                "--sustain" => options with { SustainSeconds = Number(args, ++i) },
                "--no-check" => options with { Check = false },
                "--only" when i + 1 < args.Count && Systems.Contains(args[i + 1]) => options with { Only = args[++i] },
                var unknown => throw new ArgumentException($"Unknown option '{unknown}'. {Usage}"),
            };
        }

        return options;
    }

    public const string Usage = "mutations [--count N] [--concurrency C] [--warmup W] [--quick] [--profile] [--only ours|ours-off|ours-aws|masstransit|wolverine-durable|wolverine-invoke|no-bus] [--sustain SECONDS] [--no-check]";

    private static int Number(IReadOnlyList<string> args, int index) =>
        index < args.Count && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{args[index - 1]}' needs a positive number. {Usage}");
}
