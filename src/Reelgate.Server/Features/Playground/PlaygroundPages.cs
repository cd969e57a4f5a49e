using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.Extensions.FileProviders;

namespace Reelgate.Server.Features.Playground;

/// <summary>
/// Serves the web pages in <c>wwwroot/</c> (playground at "/", history, dashboard, pricing, models) as plain
/// static files. The pages call the public <c>/v1</c> API like any other client; nothing here reads a key.
/// </summary>
public static class PlaygroundPages
{
    public const string IndexFile = "index.html";

    /// <summary>
    /// "/" and every folder answer with their index.html ("/history" redirects to "/history/"). The files are
    /// found wherever the server runs from: the build output (its static web assets manifest points at the
    /// project's wwwroot), a publish folder (wwwroot beside the dll), or the content root.
    /// </summary>
    /// <summary>The Content-Security-Policy of the pages and of the API reference; call before both are mapped.</summary>
    public static WebApplication UseContentSecurityPolicy(this WebApplication app)
    {
        var (pages, reference) = ContentSecurityPolicy.Build(app.Configuration);
        app.UseMiddleware<ContentSecurityPolicy>(pages, reference);
        return app;
    }

    public static WebApplication UsePlayground(this WebApplication app)
    {
        var files = Locate(app.Environment, app.Configuration);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = [IndexFile] });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Revalidate every time (ETag, 304): a rebuilt server never serves a stale script.
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = "no-cache";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
            },
        });
        return app;
    }

    private static IFileProvider Locate(IWebHostEnvironment environment, IConfiguration configuration)
    {
        if (!HasPages(environment.WebRootFileProvider))
        {
            // Build output run from another folder: the manifest maps wwwroot/ to the project's folder.
            StaticWebAssetsLoader.UseStaticWebAssets(environment, configuration);
        }

        if (HasPages(environment.WebRootFileProvider))
        {
            return environment.WebRootFileProvider;
        }

        var besideBinary = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(besideBinary) ? new PhysicalFileProvider(besideBinary) : environment.WebRootFileProvider;
    }

    private static bool HasPages(IFileProvider? files) => files?.GetFileInfo(IndexFile).Exists == true;
}
