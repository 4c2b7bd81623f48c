using Microsoft.Extensions.FileProviders;

namespace Unbundled.Api.Http;

/// <summary>
/// GraphiQL at <c>/</c>: <c>index.html</c> and the bundles the build copies to <c>wwwroot/</c> in the output folder. They
/// are read from the folder of the running application, not from the content root (the working directory), so the page
/// works whichever project hosts the API and wherever it is started from.
/// </summary>
internal static class GraphiQLPage
{
    public static IApplicationBuilder UseGraphiQL(this IApplicationBuilder app)
    {
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        return app
            .UseDefaultFiles(new DefaultFilesOptions { FileProvider = files })
            .UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }
}
