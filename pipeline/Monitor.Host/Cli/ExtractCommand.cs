using System.CommandLine;
using System.Text.Json;
using Monitor.Core.Articles;
using Monitor.Crawlers;
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
                    if (LooksBinary(html))
                    {
                        throw new InvalidDataException("không phải trang HTML (dữ liệu nhị phân)");
                    }

                    var page = ArticleExtractor.Extract(html, pageUrl is null ? null : new Uri(pageUrl));
                    if (string.IsNullOrWhiteSpace(page.Title) && string.IsNullOrWhiteSpace(page.Text))
                    {
                        throw new InvalidDataException("không tìm thấy bài viết nào trong trang (không tiêu đề, không nội dung)");
                    }

                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        file = path, url = pageUrl ?? page.CanonicalUrl, title = page.Title, published = page.Published, author = page.Author,
                        section = page.Section, description = page.Description, text = page.Text, language = page.Language,
                        images = page.Images.Select(i => new { url = i.Url, caption = i.Caption }),
                    }, options));
                }
                catch (Exception e) when (e is IOException or UriFormatException or InvalidDataException or TooLargeException or UnauthorizedAccessException or ExtractionException)
                {
                    failures++;
                    await Console.Error.WriteLineAsync($"lỗi: {path}: {FileErrors.Reason(e)}");
                }
            }

            return failures == 0 ? 0 : 2;
        }));
        return command;
    }

    /// <summary>The page's bytes, unpacked when gzip, at most the fetcher's 8 MiB either way (a 1 MB .gz of a
    /// 1 GB page is refused after 8 MiB, not read into memory whole).</summary>
    private static async Task<byte[]> ReadAsync(string path, CancellationToken ct)
    {
        const long limit = FetchOptions.DefaultMaxBytes;
        var size = new FileInfo(path).Length;
        if (size == 0)
        {
            throw new InvalidDataException("tệp rỗng");
        }

        if (size > limit)
        {
            throw new TooLargeException(limit);
        }

        try
        {
            return LimitedGzip.Unpack(await File.ReadAllBytesAsync(path, ct), limit);
        }
        catch (InvalidDataException)
        {
            throw new InvalidDataException("tệp gzip hỏng");
        }
    }

    // Random bytes decode to text with control characters in it; an HTML page has none but tab and line ends.
    private static bool LooksBinary(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 65536));
        var control = 0;
        foreach (var c in head)
        {
            control += c < ' ' && c is not ('\t' or '\n' or '\r' or '\f') ? 1 : 0;
        }

        return control > head.Length / 100;
    }
}
