using System.Reflection;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Monitor.Lab.SampleSite;

/// <summary>The sample press site's content (crawlers/sample-site/site.yaml, embedded): outlets and articles
/// written for the project, with the themes each article truly covers.</summary>
public sealed class SampleSiteContent
{
    public List<SampleOutlet> Outlets { get; set; } = [];
    public List<SampleArticle> Articles { get; set; } = [];

    public static SampleSiteContent Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("sample-site.yaml")
            ?? throw new InvalidOperationException("sample-site.yaml is not embedded in Monitor.Crawlers");
        using var reader = new StreamReader(stream);
        return new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
            .Deserialize<SampleSiteContent>(reader);
    }
}

/// <summary>An outlet of the sample site and the markup style its pages use.</summary>
public sealed class SampleOutlet
{
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    /// <summary>jsonld, opengraph or plain: how much metadata the pages carry.</summary>
    public string Style { get; set; } = "";
}

/// <summary>One article of the sample site.</summary>
public sealed class SampleArticle
{
    public string Outlet { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Section { get; set; } = "";
    public string Title { get; set; } = "";
    public string Sapo { get; set; } = "";
    public string? Author { get; set; }
    public DateTimeOffset Published { get; set; }
    /// <summary>Theme codes of the sample plan this article truly covers (ground truth for tests).</summary>
    public List<string> Covers { get; set; } = [];
    public string Body { get; set; } = "";

    public IEnumerable<string> Paragraphs => Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
