using Monitor.Directives.Parsing;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Monitor.Directives.Outlets;

/// <summary>The outlets a directive can name, with the aliases directives use for them ("Đài PT-TH tỉnh"),
/// so every plan says "Đài Phát thanh và Truyền hình Kon Tum" the same way. Shipped as outlets.yaml; an analyst
/// extends it with a file of the same shape.</summary>
internal sealed class OutletRegistry
{
    private readonly List<OutletEntry> _outlets;
    private readonly List<OutletGroup> _groups;

    private OutletRegistry(List<OutletEntry> outlets, List<OutletGroup> groups)
    {
        _outlets = outlets;
        _groups = groups;
    }

    public IReadOnlyList<OutletEntry> Outlets => _outlets;

    public static OutletRegistry Load(string? extraFile)
    {
        using var stream = typeof(OutletRegistry).Assembly.GetManifestResourceStream("Monitor.Directives.outlets.yaml")
            ?? throw new InvalidOperationException("outlets.yaml is not embedded in Monitor.Directives");
        using var reader = new StreamReader(stream);
        var shipped = Parse(reader.ReadToEnd());
        if (extraFile is null)
        {
            return new OutletRegistry(shipped.Outlets, shipped.Groups);
        }

        OutletFile extra;
        try
        {
            extra = Parse(File.ReadAllText(extraFile));
        }
        catch (Exception e) when (e is IOException or YamlDotNet.Core.YamlException)
        {
            throw new DirectiveImportException(extraFile, $"không đọc được danh mục cơ quan báo chí ({e.Message})", e);
        }

        return new OutletRegistry([.. extra.Outlets, .. shipped.Outlets], [.. extra.Groups, .. shipped.Groups]);
    }

    /// <summary>The registered province named most often in the text, which decides what "tỉnh" means.</summary>
    public string? Province(string text)
    {
        var folded = TextTools.Fold(text);
        return _outlets.Select(o => o.Province).OfType<string>().Distinct()
            .Select(p => (Province: p, Count: CountWords(folded, TextTools.Fold(p))))
            .Where(x => x.Count > 0).OrderByDescending(x => x.Count).Select(x => x.Province).FirstOrDefault();
    }

    /// <summary>The outlets a text names, directly, by a local alias of the province, or as a group.</summary>
    public List<string> Find(string text, string? province)
    {
        var folded = TextTools.Fold(text);
        var found = new List<string>();
        foreach (var outlet in _outlets)
        {
            var local = outlet.Province is not null && outlet.Province == province ? outlet.LocalAliases : [];
            if (outlet.Aliases.Concat(local).Append(outlet.Name).Any(a => TextTools.ContainsWords(folded, TextTools.Fold(a))))
            {
                found.Add(outlet.Name);
            }
        }

        foreach (var group in _groups.Where(g => g.Aliases.Any(a => TextTools.ContainsWords(folded, TextTools.Fold(a)))))
        {
            found.AddRange(_outlets.Where(o => o.Province == province && o.Kind == group.Kind).Select(o => o.Name));
        }

        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    private static int CountWords(string folded, string phrase)
    {
        // The padded text is made once: making it again at every match copied the whole directive per match.
        var text = $" {folded} ";
        var word = $" {phrase} ";
        var count = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static OutletFile Parse(string yaml) =>
        new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<OutletFile?>(yaml) ?? new OutletFile();
}

/// <summary>The YAML shape of the registry.</summary>
internal sealed class OutletFile
{
    public List<OutletEntry> Outlets { get; set; } = [];
    public List<OutletGroup> Groups { get; set; } = [];
}

/// <summary>One outlet and the names directives give it.</summary>
internal sealed class OutletEntry
{
    public string Name { get; set; } = "";
    public string? Province { get; set; }
    public string Kind { get; set; } = "press";
    public List<string> Aliases { get; set; } = [];
    public List<string> LocalAliases { get; set; } = [];
}

/// <summary>A collective phrase that means all outlets of a kind in the province.</summary>
internal sealed class OutletGroup
{
    public string Kind { get; set; } = "press";
    public List<string> Aliases { get; set; } = [];
}
