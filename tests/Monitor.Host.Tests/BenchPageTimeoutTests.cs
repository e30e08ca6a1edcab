using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Monitor.Lab.Bench;

namespace Monitor.Host.Tests;

/// <summary><c>bench dashboard</c>'s client limit (<see cref="PageTimeout"/>): a page that does not answer in time, or
/// whose body does not arrive in time, fails with one line naming the request and the limit (the bench prints it beside
/// the page's name and exits 1), not a bare cancellation; a page in time passes through. Against a server on 127.0.0.1 that
/// holds its answers until the test releases them.</summary>
public sealed class BenchPageTimeoutTests
{
    [Fact]
    public async Task A_page_or_a_body_slower_than_the_limit_is_one_line_naming_the_request_and_the_limit()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/fast", () => "nhanh");
        app.MapGet("/plans/w46/themes/1.2", async () =>
        {
            await release.Task;
            return "chậm";
        });
        app.MapGet("/slow-body", async (HttpContext ctx) =>
        {
            await ctx.Response.WriteAsync("phần đầu");
            await ctx.Response.Body.FlushAsync();
            await release.Task;
        });
        await app.StartAsync();
        using var http = new HttpClient(new PageTimeout(TimeSpan.FromSeconds(1), new HttpClientHandler())) { BaseAddress = new Uri(app.Urls.First()), Timeout = Timeout.InfiniteTimeSpan };
        // The page in time goes through a limit of its own: a cold server's first answer (JIT, the first connection) can
        // take over a second on a loaded machine, and what is tested is that an answer inside the limit passes, not how fast.
        using var roomy = new HttpClient(new PageTimeout(TimeSpan.FromMinutes(1), new HttpClientHandler())) { BaseAddress = new Uri(app.Urls.First()), Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            Assert.Equal("nhanh", await roomy.GetStringAsync("/fast"));

            var headers = await Assert.ThrowsAsync<PageTimeoutException>(() => http.GetAsync("/plans/w46/themes/1.2?offset=50"));
            var body = await Assert.ThrowsAsync<PageTimeoutException>(() => http.GetAsync("/slow-body"));

            Assert.Equal(("/plans/w46/themes/1.2?offset=50", "GET /plans/w46/themes/1.2?offset=50 không trả lời trong 1 giây (giới hạn mỗi yêu cầu của bench)"), (headers.Path, headers.Message));
            Assert.Equal("GET /slow-body không trả lời trong 1 giây (giới hạn mỗi yêu cầu của bench)", body.Message);
            Assert.Equal(TimeSpan.FromSeconds(100), PageTimeout.Default);
        }
        finally
        {
            release.SetResult();
        }
    }
}
