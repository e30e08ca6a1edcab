using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Monitor.Dashboards.Diagnostics;

/// <summary>Says how long the server took to answer, in a <c>Server-Timing: app;dur=MS</c> header (what a browser's
/// developer tools show beside the request, and what <c>monitor bench dashboard</c> reads): from the first middleware
/// to the moment the headers go out, i.e. every query and the rendering of a page, not the network.</summary>
internal sealed class ServerTiming(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = "app;dur=" + ms.ToString("0.0", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return next(context);
    }
}
