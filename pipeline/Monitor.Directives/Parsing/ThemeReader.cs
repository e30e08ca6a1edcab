using Monitor.Core.Plans;

namespace Monitor.Directives.Parsing;

/// <summary>The role of a Roman section: what it holds decides how it is read.</summary>
internal enum SectionRole
{
    Content,
    Activity,
    Organisation,
    Other,
}

/// <summary>A theme with the outline node it came from and the node whose text is its own.</summary>
internal sealed record ThemeSource(Theme Theme, OutlineNode Node, string Roman);

/// <summary>Finds the themes in the content sections of a directive: numbered and lettered items, or the bullets
/// beneath a heading that only states a time span ("Từ nay đến hết năm 2021, tập trung ... sau:").</summary>
internal static class ThemeReader
{
    public static SectionRole Role(string title)
    {
        var f = TextTools.Fold(title);
        if (f.Contains("to chuc thuc hien", StringComparison.Ordinal))
        {
            return SectionRole.Organisation;
        }

        if (IsAside(f) || f.StartsWith("kinh phi", StringComparison.Ordinal) || f.StartsWith("che do", StringComparison.Ordinal))
        {
            return SectionRole.Other;
        }

        return f.StartsWith("hoat dong", StringComparison.Ordinal) ? SectionRole.Activity : SectionRole.Content;
    }

    public static List<ThemeSource> Read(OutlineNode root)
    {
        var romans = root.Children.Where(c => c.Block.Kind == BlockKind.Roman).ToList();
        var themes = new List<ThemeSource>();
        foreach (var section in romans.Count > 0 ? romans.Where(r => Role(r.Block.Text) == SectionRole.Content) : [root])
        {
            Collect(section, section.Block.Label, themes);
        }

        if (NeedsRomanPrefix(themes, romans))
        {
            foreach (var t in themes.Where(t => t.Roman.Length > 0))
            {
                t.Theme.Code = $"{t.Roman}.{t.Theme.Code}";
            }
        }

        return themes;
    }

    /// <summary>Whether a child heading groups or names themes (not "Mục đích", "Hình thức").</summary>
    public static bool IsThemeHeading(OutlineNode n) =>
        n.Block.Kind is BlockKind.Number or BlockKind.Letter && !IsAside(TextTools.Fold(n.Block.Text));

    public static string Code(OutlineNode node) => node.Block.Kind switch
    {
        BlockKind.Number => node.Block.Label,
        BlockKind.Letter => node.Parent is { } p && p.Block.Kind is BlockKind.Number or BlockKind.Letter ? $"{Code(p)}.{node.Block.Label}" : node.Block.Label,
        _ => "",
    };

    /// <summary>Title (up to the colon or the first sentence) and the rest of a paragraph.</summary>
    public static (string Title, string Body) Split(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var stop = text.IndexOf(". ", StringComparison.Ordinal);
        var semi = text.IndexOf("; ", StringComparison.Ordinal);
        var cut = new[] { colon, stop, semi }.Where(i => i > 0 && i < 250).DefaultIfEmpty(-1).Min();
        if (cut < 0)
        {
            return (TextTools.Shorten(TextTools.WithoutMarks(text).TrimEnd('.'), 200), text.Length > 200 ? text : "");
        }

        return (TextTools.WithoutMarks(text[..cut]).Trim(), text[(cut + 1)..].Trim());
    }

    private static void Collect(OutlineNode node, string roman, List<ThemeSource> themes)
    {
        var headings = node.Children.Where(IsThemeHeading).ToList();
        if (headings.Count > 0)
        {
            foreach (var h in headings)
            {
                Collect(h, roman, themes);
            }

            return;
        }

        var text = node.Block.Text;
        var grouping = node.Block.Kind is BlockKind.Roman || node.Parent is null || WindowReader.StartsWithWindow(text)
            || text.TrimEnd().EndsWith("sau:", StringComparison.Ordinal);
        var items = node.Children.Where(c => c.Block.Kind == BlockKind.Bullet).ToList();
        if (items.Count == 0)
        {
            items = node.Children.Where(c => c.Block.Kind == BlockKind.Text && UnitReader.LabelledList(c.Block.Text) is null).ToList();
        }

        if (!grouping || items.Count == 0)
        {
            themes.Add(new ThemeSource(FromNode(node, Code(node), text), node, roman));
            return;
        }

        var prefix = Code(node);
        for (var i = 0; i < items.Count; i++)
        {
            var code = prefix.Length > 0 ? $"{prefix}-{i + 1}" : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            themes.Add(new ThemeSource(FromNode(items[i], code, items[i].Block.Text), items[i], roman));
        }
    }

    private static Theme FromNode(OutlineNode node, string code, string text)
    {
        var (title, rest) = Split(text);
        var more = node.Descendants().Where(d => d.Block.Kind is BlockKind.Bullet or BlockKind.Text && UnitReader.LabelledList(d.Block.Text) is null)
            .Select(d => d.Block.Text);
        var description = string.Join(" ", more.Prepend(rest).Where(s => s.Length > 0));
        return new Theme { Code = code, Title = title, Description = description.Length > 0 ? TextTools.WithoutMarks(description) : null };
    }

    // Numbers repeat across Roman sections ("1." under I, II and III); a theme code that also stands in another
    // section would be ambiguous, so then every theme takes its section's numeral.
    private static bool NeedsRomanPrefix(List<ThemeSource> themes, List<OutlineNode> romans)
    {
        var duplicate = themes.GroupBy(t => t.Theme.Code, StringComparer.Ordinal).Any(g => g.Count() > 1);
        return duplicate || themes.Any(t => romans.Where(r => r.Block.Label != t.Roman)
            .Any(r => r.Descendants().Any(d => d.Block.Kind is BlockKind.Number or BlockKind.Letter && Code(d) == t.Theme.Code)));
    }

    private static bool IsAside(string folded) =>
        folded.StartsWith("muc dich", StringComparison.Ordinal) || folded.StartsWith("yeu cau", StringComparison.Ordinal)
        || folded.StartsWith("hinh thuc", StringComparison.Ordinal);
}
