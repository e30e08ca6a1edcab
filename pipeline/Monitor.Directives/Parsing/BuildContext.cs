using Monitor.Core.Plans;
using Monitor.Core.References;
using Monitor.Directives.Outlets;

namespace Monitor.Directives.Parsing;

/// <summary>What every theme is read against: the registry and province (for outlet names), the footnotes, and
/// "now" (the issue date) that "từ nay" means.</summary>
internal sealed class BuildContext(OutletRegistry registry, string? province, Dictionary<string, string> footnotes, DateOnly? now)
{
    public string? Province { get; } = province;
    public DateOnly? Now { get; } = now;

    /// <summary>Window, units, outlets and references of one theme from its own subtree and headings above it.</summary>
    public void Describe(ThemeSource source, DateWindow? planWindow)
    {
        var theme = source.Theme;
        var headings = source.Node.Ancestors().Where(a => a.Block.IsHeading).Select(a => a.Block.Text);
        theme.Window = WindowReader.Read(source.Node.Block.Text, Now)
            ?? headings.Select(h => WindowReader.Read(h, Now)).FirstOrDefault(w => w is not null)
            ?? Copy(planWindow);
        CollectUnits(source.Node.Descendants().Prepend(source.Node), theme.Units, theme.Outlets);
        var text = FullText(source.Node);
        var marks = TextTools.Marks(text).Concat(headings.SelectMany(TextTools.Marks));
        var noted = marks.Select(m => footnotes.GetValueOrDefault(m)).OfType<string>();
        theme.References = DocumentReferenceExtractor.FindNumbers(text).Concat(noted.SelectMany(DocumentReferenceExtractor.FindNumbers))
            .Concat(SectionIntroductions(source.Node).SelectMany(DocumentReferenceExtractor.FindNumbers))
            .Select(m => m.Number).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The paragraphs that open a section above a theme, before its first heading ("II- LỘ TRÌNH VÀ NỘI
    /// DUNG — Thực hiện theo Kế hoạch số 251-KH/TU ..."): what they cite, every theme beneath rests on.</summary>
    private static IEnumerable<string> SectionIntroductions(OutlineNode node) =>
        node.Ancestors()
            .Where(a => a.Block.Kind is BlockKind.Roman or BlockKind.Number && a.Children.Any(c => c.Block.IsHeading))
            .SelectMany(a => a.Children.TakeWhile(c => !c.Block.IsHeading).Where(c => c.Block.Kind == BlockKind.Text))
            .Select(c => c.Block.Text);

    /// <summary>Activity sections ("Hoạt động triển khai cụ thể") serve themes stated earlier: their units and
    /// outlets go to the theme they match, and the map lets quotas there find their theme.</summary>
    public Dictionary<OutlineNode, Theme> LinkActivities(OutlineNode root, List<Theme> themes)
    {
        var linked = new Dictionary<OutlineNode, Theme>();
        var match = new TopicMatch(themes);
        var sections = root.Children.Where(c => c.Block.Kind == BlockKind.Roman && ThemeReader.Role(c.Block.Text) == SectionRole.Activity);
        foreach (var node in sections.SelectMany(s => s.Descendants()).Where(n => n.Block.IsHeading))
        {
            var path = node.Ancestors().Where(a => a.Block.Kind is BlockKind.Number or BlockKind.Letter).Select(a => a.Block.Text).Prepend(node.Block.Text);
            // A sub-item serves the theme its activity serves ("b) Quảng bá thương hiệu sản phẩm" under "6. Hoạt động
            // truyền thông về nông nghiệp").
            var theme = (node.Parent is { } parent && linked.TryGetValue(parent, out var served) ? served : null)
                ?? match.Best(ThemeReader.Split(node.Block.Text).Title)
                ?? match.Best(string.Join(" ", path.Select(p => ThemeReader.Split(p).Title)));
            if (theme is null)
            {
                continue;
            }

            linked[node] = theme;
            var own = node.Children.Where(c => !c.Block.IsHeading).SelectMany(c => c.Descendants().Prepend(c)).Prepend(node).ToList();
            CollectUnits(own, theme.Units, theme.Outlets);
            foreach (var assigned in own.Select(n => UnitReader.AssignedList(n.Block.Text)).OfType<string>())
            {
                UnitReader.Sort(UnitReader.Names(assigned), registry, Province, theme.Units, theme.Outlets);
            }

            // What the activity cites (its footnotes, the plans and decisions it carries out) the theme rests on;
            // a normative act cited there says how the work is contracted ("Điều 83 Nghị định số 24/2024/NĐ-CP").
            var text = string.Join(" ", own.Select(n => n.Block.Text));
            var noted = TextTools.Marks(node.Block.Text).Select(m => footnotes.GetValueOrDefault(m)).OfType<string>();
            var cited = DocumentReferenceExtractor.FindNumbers(text).Where(m => m.Kind != DocumentKind.Normative)
                .Concat(noted.SelectMany(DocumentReferenceExtractor.FindNumbers));
            theme.References.AddRange(cited.Select(m => m.Number).Distinct(StringComparer.Ordinal).Where(n => !theme.References.Contains(n)).ToList());
        }

        return linked;
    }

    /// <summary>"Tổ chức thực hiện" names who carries out the whole plan: its outlets publish every theme, its
    /// units stand for themes that name none of their own.</summary>
    public void ApplyOrganisation(OutlineNode root, List<Theme> themes)
    {
        var units = new List<string>();
        var outlets = new List<string>();
        var sections = root.Children.Where(c => c.Block.Kind == BlockKind.Roman && ThemeReader.Role(c.Block.Text) == SectionRole.Organisation);
        foreach (var node in sections.SelectMany(s => s.Descendants()).Where(n => n.Block.IsHeading))
        {
            // The head of an item is everything before its colon ("Báo Kon Tum; Đài Phát thanh và Truyền hình tỉnh: ...").
            var colon = node.Block.Text.IndexOf(':', StringComparison.Ordinal);
            var head = colon is > 0 and < 250 ? TextTools.WithoutMarks(node.Block.Text[..colon]).Trim() : ThemeReader.Split(node.Block.Text).Title;
            UnitReader.Sort(UnitReader.Names(head), registry, Province, units, outlets);
            foreach (var o in registry.Find(head, Province).Where(o => !outlets.Contains(o)))
            {
                outlets.Add(o);
            }
        }

        foreach (var theme in themes)
        {
            theme.Outlets.AddRange(outlets.Where(o => !theme.Outlets.Contains(o)));
            if (theme.Units.Count == 0)
            {
                theme.Units.AddRange(units);
            }
        }
    }

    /// <summary>A document cited in the introduction ("Thực hiện các văn bản ...¹") belongs to the theme its
    /// title is about ("v/v tăng cường phòng ngừa ngộ độc thực phẩm" → "Phòng ngừa ngộ độc thực phẩm").</summary>
    public static void AttachTopicalReferences(List<DocumentReference> references, List<Theme> themes)
    {
        var match = new TopicMatch(themes);
        foreach (var reference in references.Where(r => r.Title is not null))
        {
            if (match.Best(reference.Title!, 0.75) is { } theme && !theme.References.Contains(reference.Number))
            {
                theme.References.Add(reference.Number);
            }
        }
    }

    public static string FullText(OutlineNode node) => string.Join(" ", node.Descendants().Prepend(node).Select(n => n.Block.Text));

    private void CollectUnits(IEnumerable<OutlineNode> nodes, List<string> units, List<string> outlets)
    {
        foreach (var node in nodes)
        {
            var list = node.Block.Kind == BlockKind.Star ? node.Block.Text : UnitReader.LabelledList(node.Block.Text);
            if (list is null)
            {
                continue;
            }

            UnitReader.Sort(UnitReader.Names(list), registry, Province, units, outlets);
            foreach (var o in registry.Find(list, Province).Where(o => !outlets.Contains(o)))
            {
                outlets.Add(o);
            }
        }
    }

    private static DateWindow Copy(DateWindow? w) => new() { From = w?.From, To = w?.To };
}
