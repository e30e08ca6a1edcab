using System.Globalization;
using System.Text.Json;
using Monitor.Core.Tagging;
using Monitor.Core.Articles;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Coverage;

public sealed partial class SqliteCoverageStore
{
    // The theme's tags in the window, and its near-duplicate links whose both ends are among them, each oriented from the
    // later article to the earlier one in (day, id) order: the order CoverageRules.GroupStories walks. A copy is an
    // article with an earlier linked one; its parent is the earliest of those, and its story the root of that chain.
    private const string LinksCte = """
        WITH th(id, day) AS MATERIALIZED (SELECT article_id, day FROM tags WHERE plan_id = $plan AND theme_code = $theme AND day BETWEEN $from AND $to),
        link(a, aday, b, bday) AS (
            SELECT th.id, th.day, n.duplicate_of, t.day FROM th JOIN near_duplicates n ON n.article_id = th.id
            JOIN tags t ON t.article_id = n.duplicate_of AND t.plan_id = $plan AND t.theme_code = $theme AND t.day BETWEEN $from AND $to
            WHERE n.duplicate_of <> th.id),
        edge(later, earlier) AS MATERIALIZED (
            SELECT CASE WHEN aday > bday OR (aday = bday AND a > b) THEN a ELSE b END,
                   CASE WHEN aday > bday OR (aday = bday AND a > b) THEN bday || b ELSE aday || a END FROM link)
        """;

    public async Task<ThemeStories?> StoriesAsync(StoredPlan plan, string theme, DateOnly asOf, StoryPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(page);
        if (CoverageRules.Windows(plan.Plan, null, asOf).FirstOrDefault(w => w.Code == theme) is not { } window)
        {
            return null;
        }

        await using var connection = await ConnectAsync(ct);
        (string, object?)[] parameters = [("$plan", plan.Id), ("$theme", theme), ("$from", window.FromKey), ("$to", window.ToKey)];
        await using var counts = connection.Command($"{LinksCte} SELECT (SELECT count(*) FROM th), (SELECT count(DISTINCT later) FROM edge)", null, parameters);
        var (articles, copies) = (await ListAsync(counts, r => (r.GetInt32(0), r.GetInt32(1)), ct))[0];
        // The page's originals (the articles with no earlier link), then down each parent chain to every copy of theirs.
        await using var rows = connection.Command($"""
            {LinksCte},
            parent(later, earlier) AS (SELECT later, substr(min(earlier), 11) FROM edge GROUP BY later),
            page(id) AS (SELECT id FROM th WHERE id NOT IN (SELECT later FROM edge) ORDER BY day DESC, id DESC LIMIT $limit OFFSET $offset),
            tree(root, id) AS (SELECT id, id FROM page UNION SELECT tree.root, parent.later FROM tree JOIN parent ON parent.earlier = tree.id)
            SELECT tree.root, a.id, a.outlet, a.title, a.url, t.day, a.published, {(page.WithText ? "a.description, a.text, t.evidence" : "NULL, '', '[]'")}
            FROM tree JOIN articles a ON a.id = tree.id JOIN tags t ON t.article_id = tree.id AND t.plan_id = $plan AND t.theme_code = $theme
            """, null, [.. parameters, ("$limit", page.Limit), ("$offset", page.Offset)]);
        var read = await ListAsync(rows, r => (Root: r.GetString(0), Article: new ThemeArticle(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            DateOnly.ParseExact(r.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.NullableString(6) is { } p ? DateTimeOffset.Parse(p, CultureInfo.InvariantCulture) : null)
        {
            Description = r.NullableString(7), Text = r.GetString(8),
            Evidence = JsonSerializer.Deserialize<List<Evidence>>(r.GetString(9), ArticleJson.Options) ?? [],
        }), ct);
        var title = plan.Plan.Themes.First(t => t.Code == theme).Title;
        return new ThemeStories(plan.Id, plan.Version, theme, title, asOf, articles - copies, copies, page.Offset, CoverageRules.PageOfStories(read));
    }
}
