using System.Globalization;
using Monitor.Core.Plans;

namespace Monitor.Dashboards.Plans;

/// <summary>The Kế hoạch editor's form: what an analyst may change of a plan, kept as typed (strings), so the plan
/// checker judges exactly what was entered. List fields hold one item a line.</summary>
public sealed class PlanForm
{
    public string PlanId { get; set; } = "";

    /// <summary>The uploaded draft this edit started from (its proposal is the base), or null.</summary>
    public long? Draft { get; set; }

    /// <summary>The stored version this edit started from (the base when there is no draft); for an uploaded draft, the
    /// newest version of its plan when the draft was opened (0: the plan did not exist yet), so its first save is checked
    /// against the versions saved meanwhile as every later save is.</summary>
    public int? BaseVersion { get; set; }

    /// <summary>A draft's plan id that <see cref="BaseVersion"/> is a version of (the id field may be retyped; a retyped id's
    /// versions were never shown, so its save expects none).</summary>
    public string? BasePlan { get; set; }

    /// <summary>The newer version an analyst, told their save was overtaken, chose to save over (sent only by that
    /// button); null: the save expects <see cref="BaseVersion"/> to be the newest.</summary>
    public int? Overwrite { get; set; }

    public string? Title { get; set; }

    public List<ThemeForm> Themes { get; set; } = [];

    public List<QuotaForm> Quotas { get; set; } = [];

    /// <summary>The form of a plan as it stands.</summary>
    public static PlanForm Of(Plan plan, string planId, long? draft, int? baseVersion)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanForm
        {
            PlanId = planId, Draft = draft, BaseVersion = baseVersion, Title = plan.Directive.Title,
            Themes = plan.Themes.Select((t, i) => new ThemeForm
            {
                Base = i, Code = t.Code, Title = t.Title, From = Day(t.Window.From), To = Day(t.Window.To), Keywords = Lines(t.Keywords),
                Rules = Lines(t.Rules), Exclude = Lines(t.Exclude), Outlets = Lines(t.Outlets), Units = Lines(t.Units),
            }).ToList(),
            Quotas = plan.Quotas.Select(q => new QuotaForm
            {
                Theme = q.Theme, Count = q.Count.ToString(CultureInfo.InvariantCulture), Unit = q.Unit, Period = q.Period, Outlets = Lines(q.Outlets), Text = q.Text,
            }).ToList(),
        };
    }

    /// <summary>Drops the rows marked for removal.</summary>
    public void Prune()
    {
        Themes.RemoveAll(t => t.Remove);
        Quotas.RemoveAll(q => q.Remove);
    }

    /// <summary>The items of a one-per-line field, trimmed, blanks and repeats left out.</summary>
    public static List<string> Items(string? lines) =>
        (lines ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static string Lines(IEnumerable<string>? items) => string.Join('\n', items ?? []);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One theme row of the editor.</summary>
public sealed class ThemeForm
{
    /// <summary>Index of this theme in the base plan, whose fields the form does not show (description, references,
    /// scope, min_evidence) are carried over; -1 for a theme added in the editor.</summary>
    public int Base { get; set; } = -1;

    public string? Code { get; set; }

    public string? Title { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Keywords { get; set; }

    public string? Rules { get; set; }

    public string? Exclude { get; set; }

    public string? Outlets { get; set; }

    public string? Units { get; set; }

    public bool Remove { get; set; }
}

/// <summary>One quota row of the editor.</summary>
public sealed class QuotaForm
{
    public string? Theme { get; set; }

    public string? Count { get; set; }

    public string? Unit { get; set; }

    public string? Period { get; set; }

    public string? Outlets { get; set; }

    public string? Text { get; set; }

    public bool Remove { get; set; }
}
