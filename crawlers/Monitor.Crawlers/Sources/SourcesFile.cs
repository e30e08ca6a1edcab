using Quartz;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Monitor.Crawlers.Sources;

/// <summary>Loads and validates a sources file; every problem is reported with its line.</summary>
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
        var lines = new List<int>();
        try
        {
            document = Reader.Deserialize<SourcesDocument>(yaml) ?? new SourcesDocument();
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
                && root.Children.TryGetValue(new YamlScalarNode("sources"), out var list) && list is YamlSequenceNode items)
            {
                lines.AddRange(items.Children.Select(i => (int)i.Start.Line));
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
            source.Line = i < lines.Count ? lines[i] : 0;
            void Error(string message) => errors.Add($"{name}:{source.Line}: {message}");
            if (string.IsNullOrWhiteSpace(source.Name))
            {
                Error("source has no name");
            }
            else if (!seen.Add(source.Name))
            {
                Error($"source name '{source.Name}' is used twice");
            }

            if (string.IsNullOrWhiteSpace(source.Outlet))
            {
                Error($"source '{source.Name}' has no outlet");
            }

            if (!Kinds.Contains(source.Kind))
            {
                Error($"source '{source.Name}': kind '{source.Kind}' is not one of {string.Join(", ", Kinds)}");
            }

            if (source.Feeds.Count == 0)
            {
                Error($"source '{source.Name}' lists no feeds");
            }

            foreach (var feed in source.Feeds.Where(f => !IsHttpUrl(f)))
            {
                Error($"source '{source.Name}': feed '{feed}' is not an absolute http(s) URL");
            }

            if (!CronExpression.TryParse(source.Schedule, out _))
            {
                Error($"source '{source.Name}': schedule '{source.Schedule}' is not a Quartz cron expression");
            }
        }

        return errors.Count > 0 ? throw new SourcesFileException(errors) : document.Sources;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>A sources file with errors; <see cref="Exception.Message"/> lists them one per line.</summary>
public sealed class SourcesFileException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
