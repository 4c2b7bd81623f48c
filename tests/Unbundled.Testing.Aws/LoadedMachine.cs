namespace Unbundled.Testing.Aws;

/// <summary>What the tests of the Lambda shell allow for a shared, loaded machine.</summary>
public static class LoadedMachine
{
    /// <summary>
    /// The init limit the tests give the harness's execution environments instead of Lambda's 10 s: on the 2-core machine at
    /// load averages of 30–50, a function's init (the host, the endpoint, its installers against the stand-ins) overran
    /// 10 s and the invocation failed as an init error. The tests check what the init does, not how fast it is.
    /// </summary>
    public static readonly TimeSpan InitLimit = TimeSpan.FromSeconds(60);
}
