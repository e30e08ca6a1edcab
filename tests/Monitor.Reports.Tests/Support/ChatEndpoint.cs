using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Reports.Tests.Support;

/// <summary>An OpenAI-compatible chat-completions endpoint on 127.0.0.1: answers POST /v1/chat/completions as the test
/// decides and records the requests. Shared with the command-line tests (Monitor.Host.Tests links this file).</summary>
internal sealed class ChatEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ChatEndpoint(WebApplication app) => _app = app;

    public List<JsonDocument> Requests { get; } = [];

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1";

    public static async Task<ChatEndpoint> StartAsync(Func<HttpContext, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var endpoint = new ChatEndpoint(app);
        app.MapPost("/v1/chat/completions", async ctx =>
        {
            var request = await JsonDocument.ParseAsync(ctx.Request.Body);
            lock (endpoint.Requests)
            {
                endpoint.Requests.Add(request);
            }

            await answer(ctx);
        });
        await app.StartAsync();
        return endpoint;
    }

    /// <summary>A completed chat answer whose message is <paramref name="content"/>.</summary>
    public static Func<HttpContext, Task> Says(string content) => ctx => ctx.Response.WriteAsJsonAsync(new
    {
        id = "chatcmpl-1", @object = "chat.completion", created = 1733500000, model = "test-model",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    });

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
