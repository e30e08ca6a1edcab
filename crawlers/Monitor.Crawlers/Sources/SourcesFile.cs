using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Quartz;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Monitor.Crawlers.Sources;

/// <summary>Loads and validates a sources file; every problem is reported with the line of the key at fault.</summary>
public static class SourcesFile
{
    private static readonly string[] Kinds = ["newspaper", "broadcaster", "portal", "party_bulletin"];

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static IReadOnlyList<SourceDefinition> Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses and validates; throws <see cref="SourcesFileException"/> listing every error as "file:line: message"
    /// (Vietnamese, in the order of the file): the shape of every key first (unknown keys, lists given as one value,
    /// numbers that are not), then the values of every source whose shape is right.</summary>
    public static IReadOnlyList<SourceDefinition> Parse(string yaml, string name)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (Monitor.Core.Plans.YamlDepth.FirstLineDeeperThan(yaml) is { } deep)
        {
            throw new SourcesFileException([$"{name}:{deep}: {Monitor.Core.Plans.YamlDepth.Message}"]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new SourcesFileException([$"{name}:{e.Start.Line}: YAML không đọc được ở cột {e.Start.Column} ({Monitor.Core.Plans.YamlSyntax.Hint})"]);
        }

        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        var errors = new List<(int Line, string Message)>();
        IList<YamlNode> items = [];
        if (root is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                if (key is YamlScalarNode { Value: "sources" })
                {
                    items = value is YamlSequenceNode sequence ? sequence.Children : [];
                    YamlShape.Check(value is YamlSequenceNode ? new YamlSequenceNode() : value, typeof(List<SourceDefinition>), "'sources' của tệp nguồn tin", errors);
                }
                else
                {
                    YamlShape.Check(new YamlMappingNode(key, value), typeof(SourcesDocument), "tệp nguồn tin", errors);
                }
            }
        }
        else if (root is not null && !(root is YamlScalarNode { Value: null or "" or "~" or "null" }))
        {
            errors.Add(((int)root.Start.Line, "tệp nguồn tin phải là một bảng khóa với khóa 'sources', không phải một giá trị đơn hay danh sách"));
        }

        if (items.Count == 0 && errors.Count == 0)
        {
            throw new SourcesFileException([$"{name}: tệp nguồn tin không có nguồn nào (cần khóa 'sources' với ít nhất một nguồn)"]);
        }

        var sources = new List<SourceDefinition>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            // A source whose shape is wrong is not read further: what its values mean cannot be known yet.
            if (!YamlShape.Check(items[i], typeof(SourceDefinition), $"mục {i + 1} của 'sources'", errors) || items[i] is not YamlMappingNode item)
            {
                continue;
            }

            var source = Read(item);
            source.Line = (int)item.Start.Line;
            new SourceCheck(source, item, errors).Validate(seen);
            sources.Add(source);
        }

        return errors.Count > 0
            ? throw new SourcesFileException(errors.OrderBy(e => e.Line).Select(e => $"{name}:{e.Line}: {e.Message}").ToList())
            : sources;
    }

    /// <summary>One source's mapping read on its own (its shape was checked, so this does not fail).</summary>
    private static SourceDefinition Read(YamlMappingNode item)
    {
        using var text = new StringWriter();
        new YamlStream(new YamlDocument(item)).Save(text, assignAnchors: false);
        return Reader.Deserialize<SourceDefinition>(text.ToString()) ?? new SourceDefinition();
    }

    /// <summary>The checks of one source; each error names the line of the key it is about.</summary>
    private sealed class SourceCheck(SourceDefinition source, YamlMappingNode? node, List<(int Line, string Message)> errors)
    {
        private static readonly HtmlParser Html = new();

        public void Validate(HashSet<string> seen)
        {
            if (string.IsNullOrWhiteSpace(source.Name))
            {
                Error("name", "một nguồn chưa có tên (khóa name)");
            }
            else if (!seen.Add(source.Name))
            {
                Error("name", $"tên nguồn '{source.Name}' đã dùng cho một nguồn trước; mỗi nguồn cần một tên riêng");
            }

            if (string.IsNullOrWhiteSpace(source.Outlet))
            {
                Error("outlet", $"nguồn '{source.Name}' chưa có tên cơ quan báo chí (khóa outlet)");
            }

            source.Kind = source.Kind.Trim().Replace(' ', '_');
            if (!Kinds.Contains(source.Kind))
            {
                Error("kind", $"nguồn '{source.Name}': kind '{source.Kind}' không có; cần một trong {string.Join(", ", Kinds)}");
            }

            if (source.Homepage is not null && !IsHttpUrl(source.Homepage))
            {
                Error("homepage", $"nguồn '{source.Name}': homepage '{source.Homepage}' không phải địa chỉ http(s) đầy đủ");
            }

            if (source.Feeds.Count == 0 && source.Sitemaps.Count == 0 && source.Listings.Count == 0)
            {
                Error("name", $"nguồn '{source.Name}' chưa có feeds, sitemaps hay listings nào để thu thập");
            }

            foreach (var feed in source.Feeds.Where(f => !IsHttpUrl(f)))
            {
                Error("feeds", $"nguồn '{source.Name}': feed '{feed}' không phải địa chỉ http(s) đầy đủ");
            }

            foreach (var sitemap in source.Sitemaps.Where(f => !IsHttpUrl(f)))
            {
                Error("sitemaps", $"nguồn '{source.Name}': sitemap '{sitemap}' không phải địa chỉ http(s) đầy đủ");
            }

            for (var j = 0; j < source.Listings.Count; j++)
            {
                Listing(source.Listings[j], j);
            }

            if (!CronExpression.TryParse(source.Schedule, out _))
            {
                Error("schedule", $"nguồn '{source.Name}': schedule '{source.Schedule}' không phải biểu thức cron của Quartz (ví dụ \"0 0/30 * * * ?\")");
            }

            if (source.Politeness is { } p)
            {
                if (p.MinDelaySeconds is < 0 or > 3600)
                {
                    Error("politeness", $"nguồn '{source.Name}': politeness min_delay_seconds {p.MinDelaySeconds} phải trong khoảng 0..3600");
                }

                if (p.MaxConcurrency is < 1 or > 16)
                {
                    Error("politeness", $"nguồn '{source.Name}': politeness max_concurrency {p.MaxConcurrency} phải trong khoảng 1..16");
                }

                if (p.MaxPagesPerRun is < 1 or > Fetching.FetchOptions.MaxPagesPerRunLimit)
                {
                    Error("politeness", $"nguồn '{source.Name}': politeness max_pages_per_run {p.MaxPagesPerRun} phải trong khoảng 1..{Fetching.FetchOptions.MaxPagesPerRunLimit}");
                }
            }

            if (source.Extraction is { } x)
            {
                foreach (var (field, selector) in new[] { ("title", x.Title), ("body", x.Body), ("lead", x.Lead), ("date", x.Date), ("author", x.Author), ("section", x.Section) })
                {
                    Selector("extraction", $"extraction {field}", selector);
                }
            }
        }

        private void Listing(ListingDefinition listing, int index)
        {
            var what = $"nguồn '{source.Name}': listing {index + 1}";
            if (!IsHttpUrl(listing.Url))
            {
                Error("listings", $"{what}: url '{listing.Url}' không phải địa chỉ http(s) đầy đủ");
            }

            if (listing.PageUrl is { } template && (!template.Contains("{page}", StringComparison.Ordinal) || !IsHttpUrl(template.Replace("{page}", "2", StringComparison.Ordinal))))
            {
                Error("listings", $"{what}: page_url '{template}' phải là địa chỉ http(s) có {{page}}");
            }

            Selector("listings", $"listing {index + 1} next", listing.Next);
            Selector("listings", $"listing {index + 1} links", listing.Links);
            if (listing.Pattern is { } pattern)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException)
                {
                    Error("listings", $"{what}: pattern '{pattern}' không phải biểu thức chính quy hợp lệ");
                }
            }

            if (listing.MaxPages < 1)
            {
                Error("listings", $"{what}: max_pages phải ít nhất 1");
            }
        }

        private void Selector(string key, string what, string? selector)
        {
            if (selector is null)
            {
                return;
            }

            try
            {
                _ = Html.ParseDocument("").QuerySelector(selector);
            }
            catch (AngleSharp.Dom.DomException)
            {
                Error(key, $"nguồn '{source.Name}': bộ chọn CSS {what} '{selector}' không hợp lệ");
            }
        }

        private void Error(string key, string message)
        {
            var line = node is not null && node.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == key) is { } k ? (int)k.Start.Line : source.Line;
            errors.Add((line, message));
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>A sources file with errors; <see cref="Exception.Message"/> lists them one per line, each starting with
/// "file:line: " once.</summary>
public sealed class SourcesFileException(IReadOnlyList<string> errors) : Monitor.Core.UserErrorException(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
