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

    /// <summary>Parses and validates; throws <see cref="SourcesFileException"/> listing every error as "file:line: message".</summary>
    public static IReadOnlyList<SourceDefinition> Parse(string yaml, string name)
    {
        SourcesDocument document;
        var nodes = new List<YamlMappingNode>();
        try
        {
            document = Reader.Deserialize<SourcesDocument>(yaml) ?? new SourcesDocument();
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
                && root.Children.TryGetValue(new YamlScalarNode("sources"), out var list) && list is YamlSequenceNode items)
            {
                nodes.AddRange(items.Children.OfType<YamlMappingNode>());
            }
        }
        catch (YamlException e)
        {
            throw new SourcesFileException([$"{name}:{e.Start.Line}: {(e.InnerException ?? e).Message}"]);
        }

        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < document.Sources.Count; i++)
        {
            var source = document.Sources[i];
            var node = i < nodes.Count ? nodes[i] : null;
            source.Line = node is null ? 0 : (int)node.Start.Line;
            var check = new SourceCheck(source, node, name, errors);
            check.Validate(seen);
        }

        return errors.Count > 0 ? throw new SourcesFileException(errors) : document.Sources;
    }

    /// <summary>The checks of one source; each error names the line of the key it is about.</summary>
    private sealed class SourceCheck(SourceDefinition source, YamlMappingNode? node, string file, List<string> errors)
    {
        private static readonly HtmlParser Html = new();

        public void Validate(HashSet<string> seen)
        {
            if (string.IsNullOrWhiteSpace(source.Name))
            {
                Error("name", "source has no name");
            }
            else if (!seen.Add(source.Name))
            {
                Error("name", $"source name '{source.Name}' is used twice");
            }

            if (string.IsNullOrWhiteSpace(source.Outlet))
            {
                Error("outlet", $"source '{source.Name}' has no outlet");
            }

            source.Kind = source.Kind.Trim().Replace(' ', '_');
            if (!Kinds.Contains(source.Kind))
            {
                Error("kind", $"source '{source.Name}': kind '{source.Kind}' is not one of {string.Join(", ", Kinds)}");
            }

            if (source.Homepage is not null && !IsHttpUrl(source.Homepage))
            {
                Error("homepage", $"source '{source.Name}': homepage '{source.Homepage}' is not an absolute http(s) URL");
            }

            if (source.Feeds.Count == 0 && source.Sitemaps.Count == 0 && source.Listings.Count == 0)
            {
                Error("name", $"source '{source.Name}' has no feeds, sitemaps or listings");
            }

            foreach (var feed in source.Feeds.Where(f => !IsHttpUrl(f)))
            {
                Error("feeds", $"source '{source.Name}': feed '{feed}' is not an absolute http(s) URL");
            }

            foreach (var sitemap in source.Sitemaps.Where(f => !IsHttpUrl(f)))
            {
                Error("sitemaps", $"source '{source.Name}': sitemap '{sitemap}' is not an absolute http(s) URL");
            }

            for (var j = 0; j < source.Listings.Count; j++)
            {
                Listing(source.Listings[j], j);
            }

            if (!CronExpression.TryParse(source.Schedule, out _))
            {
                Error("schedule", $"source '{source.Name}': schedule '{source.Schedule}' is not a Quartz cron expression");
            }

            if (source.Politeness is { } p)
            {
                if (p.MinDelaySeconds is < 0 or > 3600)
                {
                    Error("politeness", $"source '{source.Name}': politeness min_delay_seconds {p.MinDelaySeconds} is not between 0 and 3600");
                }

                if (p.MaxConcurrency is < 1 or > 16)
                {
                    Error("politeness", $"source '{source.Name}': politeness max_concurrency {p.MaxConcurrency} is not between 1 and 16");
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
            var what = $"source '{source.Name}': listing {index + 1}";
            if (!IsHttpUrl(listing.Url))
            {
                Error("listings", $"{what}: url '{listing.Url}' is not an absolute http(s) URL");
            }

            if (listing.PageUrl is { } template && (!template.Contains("{page}", StringComparison.Ordinal) || !IsHttpUrl(template.Replace("{page}", "2", StringComparison.Ordinal))))
            {
                Error("listings", $"{what}: page_url '{template}' is not an http(s) URL with {{page}}");
            }

            Selector("listings", $"listing {index + 1} next", listing.Next);
            Selector("listings", $"listing {index + 1} links", listing.Links);
            if (listing.Pattern is { } pattern)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException e)
                {
                    Error("listings", $"{what}: pattern '{pattern}' is not a regular expression ({e.Message})");
                }
            }

            if (listing.MaxPages < 1)
            {
                Error("listings", $"{what}: max_pages must be at least 1");
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
                Error(key, $"source '{source.Name}': {what} selector '{selector}' is not a valid CSS selector");
            }
        }

        private void Error(string key, string message)
        {
            var line = node is not null && node.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == key) is { } k ? (int)k.Start.Line : source.Line;
            errors.Add($"{file}:{line}: {message}");
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>A sources file with errors; <see cref="Exception.Message"/> lists them one per line.</summary>
public sealed class SourcesFileException(IReadOnlyList<string> errors) : Monitor.Core.UserErrorException(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
