using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Monitor.Dashboards;
using Monitor.Host.Cli;
using Monitor.Elasticsearch;
using Monitor.Host.Composition;
using Monitor.Host.Tagging.SecondOpinion;
using Monitor.Storage;

namespace Monitor.Host.Web;

/// <summary>monitor serve: the web role alone, dashboards over the store (scaled out: beside crawl and tag roles).</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Địa chỉ lắng nghe của bảng điều khiển.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("serve", "Chạy bảng điều khiển trên kho dữ liệu (vai trò web).") { CommonOptions.DataDir, urls };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var url = r.GetValue(urls)!;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new UserInputException($"--urls '{url}' không phải địa chỉ http(s)://HOST:PORT");
            }

            var builder = WebApplication.CreateSlimBuilder();
            // The Kế hoạch page's re-tag asks the language model when its budget is set: a wrong setting stops the web role
            // here, in the worker's line, not later when an analyst re-tags.
            _ = SecondOpinionSetup.Read(builder.Configuration);
            var db = await MonitorDatabase.OpenAsync(r.GetValue(CommonOptions.DataDir)!, ct);
            builder.Logging.AddMonitorConsole();
            builder.Services.AddMonitorStore(db);
            builder.Services.AddMonitorElasticsearch(builder.Configuration, ElasticsearchUse.Feed);
            builder.Services.AddMonitorDashboards(AllowedHosts(builder.Configuration["AllowedHosts"], uri));
            builder.WebHost.UseUrls(url);
            await using var app = builder.Build();
            app.MapMonitorDashboards();
            await app.Services.StartElasticsearchAsync(ct);
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        }));
        return command;
    }

    /// <summary>Host headers the dashboards answer (DNS rebinding stops at host filtering): the configuration's
    /// AllowedHosts (';'-separated), else the loopback names for a loopback address, else the host of --urls
    /// (a wildcard address needs AllowedHosts).</summary>
    internal static IReadOnlyList<string> AllowedHosts(string? configured, Uri url)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        if (url.IsLoopback)
        {
            return ["127.0.0.1", "localhost", "[::1]"];
        }

        return url.Host is "0.0.0.0" or "[::]" or "*" or "+"
            ? throw new UserInputException($"--urls '{url}': địa chỉ đại diện cần đặt AllowedHosts (tên máy chủ người dùng gõ, cách nhau bởi ';'), ví dụ AllowedHosts=monitor.sotttt.vn")
            : [url.Host];
    }
}
