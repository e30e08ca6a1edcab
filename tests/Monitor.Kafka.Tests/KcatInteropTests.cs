using System.Diagnostics;
using Monitor.Core.Articles;
using Monitor.Kafka.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Kafka.Tests;

/// <summary>kcat (Debian package, its own librdkafka) is a client that is not ours.</summary>
[Trait("Category", "Kafka")]
public sealed class KcatInteropTests
{
    [Fact]
    public async Task Kcat_reads_the_articles_monitor_publishes_with_key_header_and_json()
    {
        using var bed = await KafkaTestBed.StartAsync();
        var articles = bed.Articles(12);
        await bed.PublishAsync(articles);

        var (exit, output) = await KcatAsync(null, "-C", "-b", bed.Cluster.BootstrapServers, "-t", "monitor.articles.raw", "-e", "-q", "-f", "%k\t%h\t%s\n");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(articles.Count, lines.Length);
        foreach (var line in lines)
        {
            var fields = line.Split('\t');
            Assert.Equal("schema-version=1", fields[1]);
            var article = ArticleJson.Deserialize(fields[2]);
            Assert.Equal(fields[0], article.Id);
            Assert.Equal(articles.Single(a => a.Id == article.Id), article);
        }
    }

    [Fact]
    public async Task Monitor_tags_and_stores_the_articles_kcat_produces()
    {
        using var bed = await KafkaTestBed.StartAsync();
        using var tagger = await bed.StartTaggerAsync();
        var articles = bed.Articles(15);
        var input = string.Concat(articles.Select(a => a.Id + ":" + ArticleJson.Serialize(a) + "\n"));

        var (exit, _) = await KcatAsync(input, "-P", "-b", bed.Cluster.BootstrapServers, "-t", "monitor.articles.raw", "-K:");
        Assert.Equal(0, exit);

        Assert.True(await Eventually.TrueAsync(async () => await bed.Reader.CountAsync(CancellationToken.None) == articles.Count, TimeSpan.FromSeconds(60)));
        Assert.Equal(articles[3].Title, (await bed.Reader.GetAsync(articles[3].Id, CancellationToken.None))!.Title);
        await tagger.StopAsync();
    }

    private static async Task<(int Exit, string Output)> KcatAsync(string? input, params string[] args)
    {
        var utf8 = new System.Text.UTF8Encoding(false);
        var info = new ProcessStartInfo("kcat")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            StandardOutputEncoding = utf8, StandardInputEncoding = utf8,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
        Assert.True(process.ExitCode == 0, await error);
        return (process.ExitCode, await output);
    }
}
