using Unbundled.Testing;

namespace Unbundled.Benchmarks.Mutations;

/// <summary>The command line every system under test starts with: its own data folder, a free local port, quiet logs.</summary>
internal sealed class SystemArguments : IDisposable
{
    private SystemArguments(string root, string dataPath, string? contentRoot, int port)
    {
        Root = root;
        DataPath = dataPath;
        ContentRoot = contentRoot;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>The temporary folder that holds everything of this system, removed at the end.</summary>
    public string Root { get; }

    public string DataPath { get; }

    /// <summary>When set, the hosts' content root: the folder whose appsettings files they watch, recursively.</summary>
    public string? ContentRoot { get; }

    public Uri BaseAddress { get; }

    public string[] Args =>
    [
        "--data-path", DataPath,
        "--urls", BaseAddress.ToString().TrimEnd('/'),
        // Console logging at Information would cost more than the mutation itself.
        "--Logging:LogLevel:Default=Warning",
        .. ContentRoot is null ? Array.Empty<string>() : ["--contentRoot", ContentRoot],
    ];

    /// <summary>
    /// A fresh data folder in the temp folder, away from the working directory. With <paramref name="dataInsideContentRoot"/>
    /// the data folder sits inside the hosts' content root instead, as the default <c>.unbundled</c> does under the working
    /// directory.
    /// </summary>
    public static SystemArguments Create(string name, bool dataInsideContentRoot = false)
    {
        var root = Path.Combine(Path.GetTempPath(), "unbundled-bench", $"{name}-{Guid.NewGuid():N}");
        var dataPath = Path.Combine(root, ".unbundled");
        Directory.CreateDirectory(dataPath);
        return new SystemArguments(root, dataPath, dataInsideContentRoot ? root : null, FreePort.Next());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a stopping host: the temp folder is cleaned up by the OS in the end.
        }
    }
}
