using Monitor.Core.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Monitor.Core.Scope;

/// <summary>The provinces the project knows (Scope/gazetteer.yaml, embedded): what anchors an article in each, and
/// the mergers of 1/7/2025.</summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, Province> _byKey;

    private Gazetteer(IEnumerable<Province> provinces) =>
        _byKey = provinces.ToDictionary(p => VietnameseFolding.Key(p.Name), StringComparer.Ordinal);

    /// <summary>The gazetteer kept in the repository.</summary>
    public static Gazetteer Default { get; } = Load();

    public IEnumerable<Province> Provinces => _byKey.Values;

    /// <summary>A province by name, in any spelling or tone placement ("Kon Tum", "kon tum"); null when unknown.</summary>
    public Province? Find(string name) => _byKey.GetValueOrDefault(VietnameseFolding.Key(name.Replace("tỉnh ", "", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Every phrase that anchors an article in <paramref name="province"/>: its own names, places, landmarks
    /// and leaders, and those of the provinces it took in.</summary>
    public IReadOnlyList<string> Anchors(Province province) =>
        [.. province.Anchors.Concat(province.Includes.Select(Find).OfType<Province>().SelectMany(p => p.Anchors)).Distinct()];

    /// <summary>The province's own outlets (names or hosts), with those of the provinces it took in.</summary>
    public IReadOnlyList<string> Outlets(Province province) =>
        [.. province.Outlets.Concat(province.Includes.Select(Find).OfType<Province>().SelectMany(p => p.Outlets)).Distinct()];

    private static Gazetteer Load()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("gazetteer.yaml")
            ?? throw new InvalidOperationException("the gazetteer is not embedded");
        using var reader = new StreamReader(stream);
        var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<GazetteerFile>(reader);
        return new Gazetteer(file.Provinces);
    }

    private sealed class GazetteerFile
    {
        public List<Province> Provinces { get; set; } = [];
    }
}

/// <summary>One province of the gazetteer.</summary>
public sealed class Province
{
    public string Name { get; set; } = "";
    public string? MergedInto { get; set; }
    public string? MergedOn { get; set; }
    public List<string> Includes { get; set; } = [];
    public List<string> Names { get; set; } = [];
    public List<string> Places { get; set; } = [];
    public List<string> Landmarks { get; set; } = [];
    public List<string> Leaders { get; set; } = [];
    public List<string> Outlets { get; set; } = [];

    internal IEnumerable<string> Anchors => Names.Concat(Places).Concat(Landmarks).Concat(Leaders);
}
