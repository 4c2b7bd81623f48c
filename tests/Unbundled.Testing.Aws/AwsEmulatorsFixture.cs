using Xunit;

namespace Unbundled.Testing.Aws;

/// <summary>An xunit class fixture handing every test class the process-wide <see cref="AwsEmulators"/>.</summary>
/// <remarks>Disposing the fixture leaves the emulators running for the other classes; they stop when the test process exits.</remarks>
public sealed class AwsEmulatorsFixture : IAsyncLifetime
{
    private AwsEmulators? emulators;

    public AwsEmulators Emulators => emulators ?? throw new InvalidOperationException("xunit initializes the fixture before any test runs.");

    public async Task InitializeAsync() => emulators = await AwsEmulators.Shared();

    public Task DisposeAsync() => Task.CompletedTask;
}
