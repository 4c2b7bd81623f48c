using System.Globalization;

namespace Unbundled.CrashTests.Infrastructure;

/// <summary>A process seen in <c>/proc</c>: its id, process group and command line.</summary>
internal sealed record ChildProcess(int Id, int ProcessGroupId, string CommandLine)
{
    /// <summary>The live children of <paramref name="parentId"/>.</summary>
    public static IReadOnlyList<ChildProcess> Of(int parentId) =>
        Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Read(id) : null)
            .OfType<(ChildProcess Process, int ParentId)>()
            .Where(entry => entry.ParentId == parentId)
            .Select(entry => entry.Process)
            .ToList();

    /// <summary>True while the process exists (and is not a zombie waiting for its parent).</summary>
    public bool IsAlive => Read(Id) is { } entry && entry.Process.CommandLine.Length > 0;

    private static (ChildProcess Process, int ParentId)? Read(int id)
    {
        try
        {
            // stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses, so split after the last ')'.
            var stat = File.ReadAllText($"/proc/{id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var commandLine = File.ReadAllText($"/proc/{id}/cmdline").Replace('\0', ' ').Trim();
            return (new ChildProcess(id, int.Parse(fields[2], CultureInfo.InvariantCulture), commandLine), int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
