namespace Unbundled.Testing;

/// <summary>A fresh data folder for one test's systems, deleted afterwards.</summary>
public sealed class DataFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "unbundled-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held by a process that is going: the temp folder is cleaned up by the OS in the end.
        }
    }
}
