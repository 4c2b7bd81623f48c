using Microsoft.Extensions.Hosting;

namespace Unbundled.Shell.Dev;

public static class DevelopmentShellExtensions
{
    /// <summary>Gives this builder's endpoints the development features; call it before adding them.</summary>
    public static IHostApplicationBuilder UseDevelopmentShell(this IHostApplicationBuilder builder) =>
        builder.UseDevelopmentShell(new DevelopmentShell());
}
