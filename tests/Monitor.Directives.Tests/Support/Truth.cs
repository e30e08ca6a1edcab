using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Monitor.Directives.Tests.Support;

/// <summary>The hand-read ground truth of the seeds (Data/seeds-truth.yaml).</summary>
public sealed class TruthFile
{
    public List<SeedTruth> Seeds { get; set; } = [];

    public static TruthFile Load(string path) =>
        new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<TruthFile>(File.ReadAllText(path));
}

public sealed class SeedTruth
{
    public string File { get; set; } = "";
    public Dictionary<string, string?> Directive { get; set; } = [];
    public List<string> References { get; set; } = [];
    public List<ThemeTruth> Themes { get; set; } = [];
    public List<QuotaTruth> Quotas { get; set; } = [];
    public List<EventTruth> Events { get; set; } = [];
}

public sealed class ThemeTruth
{
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string? From { get; set; }
    public string? To { get; set; }
    public List<string> Units { get; set; } = [];
    public List<string> Outlets { get; set; } = [];
    public List<string> References { get; set; } = [];
}

public sealed class QuotaTruth
{
    public string? Theme { get; set; }
    public int Count { get; set; }
    public string Period { get; set; } = "";
}

public sealed class EventTruth
{
    public string Date { get; set; } = "";
    public string Title { get; set; } = "";
}
