using Unbundled.Lambda.Harness;
using Unbundled.Testing.Aws;

namespace Unbundled.Lambda.Tests.Runtime;

/// <summary>The test function (built beside the tests) as the harness runs it, with one of its behaviours.</summary>
internal static class TestFunctions
{
    /// <param name="initTimeout">The init limit: <see cref="LoadedMachine.InitLimit"/> unless a test is about the limit.</param>
    public static LocalFunction With(
        string handler, TimeSpan? timeout = null, int environments = 1, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? initTimeout = null)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "Unbundled.Lambda.TestFunction.dll");
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["UNBUNDLED_TEST_HANDLER"] = handler };
        return new LocalFunction(new FunctionDefinition(
            "test-" + handler, "dotnet", [assembly], variables, timeout ?? TimeSpan.FromSeconds(30), environments)
        {
            InitTimeout = initTimeout ?? LoadedMachine.InitLimit,
        });
    }

    public static byte[] Payload(string json) => System.Text.Encoding.UTF8.GetBytes(json);
}
