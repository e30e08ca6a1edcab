using System.Globalization;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Coverage;

public sealed partial class SqliteCoverageStore
{
    public async Task<ThemeStories?> StoriesAsync(StoredPlan plan, string theme, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (CoverageRules.Windows(plan.Plan, null, asOf).FirstOrDefault(w => w.Code == theme) is not { } window)
        {
            return null;
        }

        await using var connection = await ConnectAsync(ct);
        const string ThemeCte = "WITH th(id, day) AS (SELECT article_id, day FROM tags WHERE plan_id = $plan AND theme_code = $theme AND day BETWEEN $from AND $to)";
        (string, object?)[] parameters = [("$plan", plan.Id), ("$theme", theme), ("$from", window.FromKey), ("$to", window.ToKey)];
        await using var articles = connection.Command($"""
            {ThemeCte}
            SELECT a.id, a.outlet, a.title, a.url, th.day, a.published FROM th JOIN articles a ON a.id = th.id
            """, null, parameters);
        var list = await ListAsync(articles, r => new ThemeArticle(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
            DateOnly.ParseExact(r.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.NullableString(5) is { } p ? DateTimeOffset.Parse(p, CultureInfo.InvariantCulture) : null), ct);
        // Links between two articles of the theme (one range of the primary key per article, then a membership test).
        await using var links = connection.Command($"""
            {ThemeCte}
            SELECT n.article_id, n.duplicate_of FROM th JOIN near_duplicates n ON n.article_id = th.id WHERE n.duplicate_of IN (SELECT id FROM th)
            """, null, parameters);
        var pairs = await ListAsync(links, r => (r.GetString(0), r.GetString(1)), ct);
        var title = plan.Plan.Themes.First(t => t.Code == theme).Title;
        return new ThemeStories(plan.Id, plan.Version, theme, title, asOf, CoverageRules.GroupStories(list, pairs));
    }
}
