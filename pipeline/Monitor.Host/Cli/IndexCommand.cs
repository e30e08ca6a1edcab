using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Host.Composition;
using Monitor.Elasticsearch;

namespace Monitor.Host.Cli;

/// <summary>monitor index: feeds the Elasticsearch indices from the SQLite store (all of it, or what was stored after a
/// sequence number); idempotent, so it can be run at any time. <c>monitor retag</c> feeds through it too.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var after = new Option<long>("--after-seq") { Description = "Chỉ chép các bài lưu sau số thứ tự này (mặc định 0: tất cả).", DefaultValueFactory = _ => 0 };
        var command = new Command("index", "Chép bài và nhãn chủ đề từ kho SQLite sang Elasticsearch (cần Monitor__Elasticsearch__Url).")
        {
            CommonOptions.DataDir, after,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var builder = await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct);
            builder.Services.AddMonitorElasticsearch(builder.Configuration);
            using var host = builder.Build();
            if (host.Services.GetService<ElasticsearchOptions>() is null)
            {
                throw new UserInputException($"chưa cấu hình Elasticsearch: đặt {ElasticsearchOptions.Section}:Url (biến môi trường Monitor__Elasticsearch__Url=http://HOST:9200)");
            }

            await host.Services.StartElasticsearchAsync(ct);
            return await FeedAsync(host.Services, r.GetValue(after), ct);
        }));
        return command;
    }

    /// <summary>Feeds the indices when Elasticsearch is configured (nothing otherwise); a refused item is a line each
    /// on stderr and exit code 1.</summary>
    public static async Task<int> FeedAsync(IServiceProvider services, long afterSeq, CancellationToken ct)
    {
        if (services.GetService<ElasticsearchOptions>() is not { } options)
        {
            return 0;
        }

        try
        {
            var (articles, last) = await services.GetRequiredService<ElasticsearchFeed>().RunAsync(afterSeq, options.BulkArticles, ct);
            await Console.Out.WriteLineAsync($"đã chép {articles} bài sang Elasticsearch {options.Url} (chỉ mục {options.IndexPrefix}articles, {options.IndexPrefix}tags), đến số thứ tự {last}");
            return 0;
        }
        catch (ElasticsearchBulkException e)
        {
            await Console.Error.WriteLineAsync("lỗi: " + e.Message);
            return 1;
        }
    }
}
