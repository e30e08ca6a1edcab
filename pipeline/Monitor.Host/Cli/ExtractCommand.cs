using System.CommandLine;
using System.IO.Compression;
using System.Text.Json;
using Monitor.Core.Articles;
using Monitor.Crawlers.Extraction;
using Monitor.Crawlers.Fetching;

namespace Monitor.Host.Cli;

/// <summary>monitor extract: saved pages in, one JSON object per page out (file, url, title, published, author,
/// section, description, text, language).</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Các trang HTML đã lưu (nhận cả .gz).", Arity = ArgumentArity.ZeroOrMore };
        var url = new Option<string?>("--url") { Description = "Địa chỉ gốc của trang." };
        var list = new Option<string?>("--list") { Description = "Tệp TSV, mỗi dòng: đường dẫn<TAB>địa chỉ." };
        var format = new Option<string>("--format") { Description = "json (thụt lề) hoặc jsonl.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("json", "jsonl");
        var command = new Command("extract", "Trích xuất bài viết từ các trang đã lưu.") { files, url, list, format };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var pages = new List<(string Path, string? Url)>();
            pages.AddRange(r.GetValue(files)!.Select(f => (f, r.GetValue(url))));
            if (r.GetValue(list) is { } listFile)
            {
                foreach (var line in await File.ReadAllLinesAsync(listFile, ct))
                {
                    var parts = line.Split('\t');
                    if (parts[0].Length > 0)
                    {
                        pages.Add((parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null));
                    }
                }
            }

            if (pages.Count == 0)
            {
                throw new UserInputException("chưa có trang nào: nêu tên tệp hoặc dùng --list LIST.tsv");
            }

            var options = new JsonSerializerOptions(ArticleJson.Options) { WriteIndented = r.GetValue(format) == "json" };
            var failures = 0;
            foreach (var (path, pageUrl) in pages)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    var html = HttpFetcher.Decode(await ReadAsync(path, ct), null);
                    var page = ArticleExtractor.Extract(html, pageUrl is null ? null : new Uri(pageUrl));
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        file = path, url = pageUrl ?? page.CanonicalUrl, title = page.Title, published = page.Published, author = page.Author,
                        section = page.Section, description = page.Description, text = page.Text, language = page.Language,
                        images = page.Images.Select(i => new { url = i.Url, caption = i.Caption }),
                    }, options));
                }
                catch (Exception e) when (e is IOException or UriFormatException or InvalidDataException)
                {
                    failures++;
                    await Console.Error.WriteLineAsync($"lỗi: {path}: {e.Message}");
                }
            }

            return failures == 0 ? 0 : 2;
        }));
        return command;
    }

    private static async Task<byte[]> ReadAsync(string path, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return bytes;
        }

        await using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain, ct);
        return plain.ToArray();
    }
}
