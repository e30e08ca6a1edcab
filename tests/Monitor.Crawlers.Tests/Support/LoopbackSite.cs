using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monitor.Crawlers.Tests.Support;

/// <summary>A small web server on 127.0.0.1 with the routes a test maps; counts the requests it answered.</summary>
internal sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private LoopbackSite(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>"http://127.0.0.1:PORT".</summary>
    public string BaseUrl { get; }

    public int Port => new Uri(BaseUrl).Port;

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<LoopbackSite> StartAsync(Action<WebApplication, Func<string>> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LoopbackSite? site = null;
        app.Use(async (c, next) =>
        {
            Interlocked.Increment(ref site!._requests);
            await next(c);
        });
        string address = "";
        map(app, () => address);
        await app.StartAsync();
        address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        site = new LoopbackSite(app, address);
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
