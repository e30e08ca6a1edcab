using Monitor.Core.Plans;
using Monitor.Wording;

namespace Monitor.Dashboards.Plans;

/// <summary>A field of a theme that changed: its Vietnamese name, the old and new value (one line), and for lists the
/// items added and removed.</summary>
public sealed record FieldChange(string Field, string? Before, string? After, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

/// <summary>A theme present in both versions whose fields changed.</summary>
public sealed record ThemeChange(string Code, string Title, IReadOnlyList<FieldChange> Fields);

/// <summary>A quota as the diff names it ("1.2: 2 tin, bài/tuần — Báo Kon Tum").</summary>
public sealed record QuotaLine(string Key, string Text);

/// <summary>What changed from one plan version to another: themes added, removed and changed (title, window,
/// keywords, rules, exclusions, outlets, units), quotas added, removed and changed in count.</summary>
public sealed record PlanDiff(string? TitleBefore, string? TitleAfter, IReadOnlyList<Theme> ThemesAdded, IReadOnlyList<Theme> ThemesRemoved,
    IReadOnlyList<ThemeChange> ThemesChanged, IReadOnlyList<QuotaLine> QuotasAdded, IReadOnlyList<QuotaLine> QuotasRemoved,
    IReadOnlyList<(QuotaLine Before, QuotaLine After)> QuotasChanged)
{
    public bool Empty => TitleBefore == TitleAfter && ThemesAdded.Count + ThemesRemoved.Count + ThemesChanged.Count + QuotasAdded.Count
        + QuotasRemoved.Count + QuotasChanged.Count == 0;

    public static PlanDiff Compare(Plan before, Plan after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Themes.ToDictionary(t => t.Code, StringComparer.Ordinal);
        var now = after.Themes.ToDictionary(t => t.Code, StringComparer.Ordinal);
        var changed = after.Themes.Where(t => old.ContainsKey(t.Code)).Select(t => new ThemeChange(t.Code, t.Title, Fields(old[t.Code], t)))
            .Where(c => c.Fields.Count > 0).ToList();

        // Quotas have no id: one is the same quota in both versions when its theme, period, unit and outlets are.
        var quotasBefore = before.Quotas.Select(Line).ToList();
        var quotasAfter = after.Quotas.Select(Line).ToList();
        var sameKey = quotasBefore.Select(q => q.Key).Intersect(quotasAfter.Select(q => q.Key), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var quotaChanges = quotasAfter.Where(q => sameKey.Contains(q.Key)).Select(q => (Before: quotasBefore.First(b => b.Key == q.Key), After: q))
            .Where(p => p.Before.Text != p.After.Text).ToList();
        return new PlanDiff(before.Directive.Title, after.Directive.Title,
            after.Themes.Where(t => !old.ContainsKey(t.Code)).ToList(), before.Themes.Where(t => !now.ContainsKey(t.Code)).ToList(), changed,
            quotasAfter.Where(q => !sameKey.Contains(q.Key)).ToList(), quotasBefore.Where(q => !sameKey.Contains(q.Key)).ToList(), quotaChanges);
    }

    private static List<FieldChange> Fields(Theme a, Theme b)
    {
        var fields = new List<FieldChange>();
        if (a.Title != b.Title)
        {
            fields.Add(new FieldChange("Tiêu đề", a.Title, b.Title, [], []));
        }

        if (Window(a) != Window(b))
        {
            fields.Add(new FieldChange("Thời gian", Window(a), Window(b), [], []));
        }

        foreach (var (name, x, y) in new[]
        {
            ("Từ khóa", a.Keywords, b.Keywords), ("Luật", a.Rules ?? [], b.Rules ?? []), ("Loại trừ", a.Exclude ?? [], b.Exclude ?? []),
            ("Cơ quan báo chí", a.Outlets, b.Outlets), ("Đơn vị", a.Units, b.Units),
        })
        {
            var added = y.Except(x, StringComparer.Ordinal).ToList();
            var removed = x.Except(y, StringComparer.Ordinal).ToList();
            if (added.Count + removed.Count > 0)
            {
                fields.Add(new FieldChange(name, null, null, added, removed));
            }
        }

        return fields;
    }

    /// <summary>"11/11/2024 – 24/11/2024"; an open end is "…".</summary>
    public static string Window(Theme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        static string Day(DateOnly? d) => d is { } day ? CoverageWords.Day(day) : "…";
        return $"{Day(theme.Window.From)} – {Day(theme.Window.To)}";
    }

    private static QuotaLine Line(Quota q)
    {
        var outlets = string.Join(", ", q.Outlets.Order(StringComparer.Ordinal));
        var key = $"{q.Theme}|{q.Period}|{q.Unit}|{outlets}";
        return new QuotaLine(key, $"{CoverageWords.Theme(q.Theme)}: {CoverageWords.Rate(q.Count, q.Unit, q.Period)} — {CoverageWords.Outlet(outlets)}");
    }
}
