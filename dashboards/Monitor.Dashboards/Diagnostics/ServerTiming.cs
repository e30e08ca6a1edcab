using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Monitor.Dashboards.Diagnostics;

/// <summary>Says how long the server took to answer, in a <c>Server-Timing</c> header (what a browser's developer tools
/// show beside the request, and what <c>monitor bench dashboard</c> reads): <c>app;dur=MS</c> from the first middleware
/// to the moment the headers go out (every query and the rendering of a page, not the network), then the named parts
/// the request measured with <see cref="ServerTimingSpans.Measure"/> (<c>handler</c>, <c>quotas</c>, …; a name measured
/// twice is summed), so where the time went is visible without a profiler.</summary>
internal sealed class ServerTiming(RequestDelegate next)
{
    // Async so the spans' AsyncLocal list is this request's only: it flows into the pipeline and ends with this method.
    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var spans = ServerTimingSpans.Begin();
        context.Response.OnStarting(() =>
        {
            var header = new StringBuilder("app;dur=").Append(Ms(Stopwatch.GetElapsedTime(start).TotalMilliseconds));
            lock (spans)
            {
                foreach (var (name, ms) in spans)
                {
                    header.Append(", ").Append(name).Append(";dur=").Append(Ms(ms));
                }
            }

            context.Response.Headers["Server-Timing"] = header.ToString();
            return Task.CompletedTask;
        });
        await next(context);
    }

    private static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>Named parts of the current request's server time, reported in its <c>Server-Timing</c> header. Outside a
/// request (tests, the CLI) measuring costs a clock read and records nothing.</summary>
/// <remarks>Every Razor page's handler is measured as <c>handler</c> (<see cref="HandlerTiming"/>): a page's
/// rendering is <c>app</c> minus <c>handler</c>.</remarks>
public static class ServerTimingSpans
{
    private static readonly AsyncLocal<List<(string Name, double Ms)>?> Current = new();

    /// <summary>Times the code until the returned value is disposed, under <paramref name="name"/> (a token: letters, digits, '-').</summary>
    public static Span Measure(string name) => new(name, Current.Value, Stopwatch.GetTimestamp());

    internal static List<(string Name, double Ms)> Begin() => Current.Value = [];

    /// <summary>One measured part; disposing it records the time.</summary>
    public readonly struct Span(string name, List<(string Name, double Ms)>? spans, long start) : IDisposable
    {
        public void Dispose()
        {
            if (spans is null)
            {
                return;
            }

            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            lock (spans)
            {
                for (var i = 0; i < spans.Count; i++)
                {
                    if (spans[i].Name == name)
                    {
                        spans[i] = (name, spans[i].Ms + ms);
                        return;
                    }
                }

                spans.Add((name, ms));
            }
        }
    }
}

/// <summary>Measures a Razor page's handler (its queries and building its model) as the <c>handler</c> span.</summary>
internal sealed class HandlerTiming : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        using (ServerTimingSpans.Measure("handler"))
        {
            await next();
        }
    }
}
