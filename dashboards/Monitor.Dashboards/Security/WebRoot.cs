using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Monitor.Dashboards.Security;

/// <summary>Serves wwwroot from the assembly's embedded resources (style, scripts, the npm copy of ECharts), so a
/// test, `monitor serve` and a published build answer the same files without a path on disk.</summary>
internal static class WebRoot
{
    private static readonly Assembly Assembly = typeof(WebRoot).Assembly;
    private static readonly FileExtensionContentTypeProvider Types = new();

    public static IResult Serve(string path, HttpContext context)
    {
        var name = "wwwroot/" + path;
        if (path.Contains("..", StringComparison.Ordinal) || Assembly.GetManifestResourceInfo(name) is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=3600";
        var type = Types.TryGetContentType(name, out var t) ? t : "application/octet-stream";
        return Results.Stream(Assembly.GetManifestResourceStream(name)!, type);
    }
}
