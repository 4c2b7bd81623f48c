namespace Unbundled.CrashTests.Infrastructure;

/// <summary>A fresh data folder for one test's systems, deleted afterwards.</summary>
internal sealed class DataFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "unbundled-crash-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
