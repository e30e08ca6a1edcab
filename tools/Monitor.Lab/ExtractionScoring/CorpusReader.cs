using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Monitor.Lab.ExtractionScoring;

/// <summary>Reads the saved pages of <c>../shared/corpus</c> in place, each folder in its own ground-truth format.</summary>
public static class CorpusReader
{
    public const string Zyte = "scrapinghub-aeb";
    public const string FundusMultilingual = "fundus-multilang-subset";
    public const string FundusVnExpress = "fundus-vnexpress";
    public const string HtmlDateVnExpress = "htmldate-vnexpress";

    public static IReadOnlyList<string> Corpora { get; } = [Zyte, FundusMultilingual, FundusVnExpress, HtmlDateVnExpress];

    /// <summary>Every page of one corpus folder. Throws <see cref="DirectoryNotFoundException"/> naming the folder when
    /// it is absent, so a missing corpus is never mistaken for a pass.</summary>
    public static IReadOnlyList<CorpusPage> Read(string corpusRoot, string corpus)
    {
        var folder = Path.Combine(corpusRoot, corpus);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Corpus folder {folder} is absent: put ../shared/corpus beside the checkout.");
        }

        return corpus switch
        {
            Zyte => ReadZyte(folder),
            FundusMultilingual => ReadFundusManifest(folder),
            FundusVnExpress => [ReadFundus(folder, corpus, "VnExpress_2025_10_22.html.gz", "VnExpress.json",
                new Uri("https://vnexpress.net/dau-bung-keo-dai-phat-hien-ung-thu-lymphoma-ruot-non-4954454.html"))],
            HtmlDateVnExpress => ReadHtmlDate(folder),
            _ => throw new ArgumentException($"Unknown corpus {corpus}; known: {string.Join(", ", Corpora)}.", nameof(corpus)),
        };
    }

    private static List<CorpusPage> ReadZyte(string folder)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "ground-truth.json")));
        return truth.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new CorpusPage(
            Zyte, p.Name, ReadHtml(Path.Combine(folder, "html", p.Name + ".html.gz")), Uri(p.Value, "url"),
            p.Value.GetProperty("articleBody").GetString(), null, null)).ToList();
    }

    private static List<CorpusPage> ReadFundusManifest(string folder)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        return manifest.RootElement.EnumerateArray().Select(item => ReadFundus(folder, FundusMultilingual,
            item.GetProperty("html").GetString()!, item.GetProperty("ground_truth").GetString()!, Uri(item, "url"))).ToList();
    }

    /// <summary>Fundus splits the text into a summary (the lead) and sections of headlines and paragraphs; the body the
    /// extractor is scored against is all of them in page order, since the extractor's text carries the lead too.</summary>
    private static CorpusPage ReadFundus(string folder, string corpus, string html, string groundTruth, Uri? url)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, groundTruth)));
        var v1 = json.RootElement.GetProperty("V1");
        var body = new StringBuilder();
        if (v1.TryGetProperty("body", out var b))
        {
            foreach (var line in Strings(b, "summary"))
            {
                body.AppendLine(line);
            }

            foreach (var section in b.GetProperty("sections").EnumerateArray())
            {
                foreach (var line in Strings(section, "headline").Concat(Strings(section, "paragraphs")))
                {
                    body.AppendLine(line);
                }
            }
        }

        var title = v1.TryGetProperty("title", out var t) ? t.GetString() : null;
        var date = v1.TryGetProperty("publishing_date", out var d) ? ParseDate(d.GetString()) : null;
        return new CorpusPage(corpus, Path.GetDirectoryName(groundTruth) is { Length: > 0 } dir ? dir : Path.GetFileNameWithoutExtension(groundTruth),
            ReadHtml(Path.Combine(folder, html)), url, body.Length == 0 ? null : body.ToString(), title, date);
    }

    private static List<CorpusPage> ReadHtmlDate(string folder)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected_date.json")));
        return expected.RootElement.EnumerateObject().Select(p => new CorpusPage(HtmlDateVnExpress,
            p.Value.GetProperty("file").GetString()!, ReadHtml(Path.Combine(folder, p.Value.GetProperty("file").GetString()!)),
            new Uri(p.Name), null, null, ParseDate(p.Value.GetProperty("date").GetString()))).ToList();
    }

    internal static ExpectedDate? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var hasZone = value.Length > 19 && (value.EndsWith('Z') || value[^6] is '+' or '-');
        if (hasZone && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return new ExpectedDate(instant.DateTime, instant.Offset);
        }

        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall) ? new ExpectedDate(wall, null) : null;
    }

    private static IEnumerable<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)
            : [];

    private static Uri? Uri(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && System.Uri.TryCreate(v.GetString(), UriKind.Absolute, out var uri) ? uri : null;

    private static string ReadHtml(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
