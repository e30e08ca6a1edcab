using System.Globalization;
using System.Text.Json;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Coverage;

public sealed partial class SqliteCoverageStore
{
    /// <summary>One statement: the theme's tags in the window (<c>th</c>, one range of tags_theme_day), their near-duplicate
    /// links whose both ends are among them (one probe of near_duplicates per tag, then the other end's tag by its key),
    /// each oriented from the later article to the earlier one in (day, id) order, the order CoverageRules.GroupStories
    /// walks. A copy is an article with an earlier linked one, its parent the earliest of those, its story the root of
    /// that chain. The page's originals (no earlier link), newest first, then down each parent chain to every copy of
    /// theirs, with the counts of the whole theme on every row (one row of counts alone for an empty page).</summary>
    /// <remarks>CROSS JOIN fixes SQLite's join order: left to itself, SQLite 3.53 scanned the 50,000 materialised tags once
    /// per tag of the theme to find a link's other end (four minutes on the bench store).</remarks>
    private const string StoriesSql = """
        WITH th(id, day) AS MATERIALIZED (SELECT article_id, day FROM tags WHERE plan_id = $plan AND theme_code = $theme AND day BETWEEN $from AND $to),
        link(a, aday, b, bday) AS (
            SELECT th.id, th.day, n.duplicate_of, t.day FROM th CROSS JOIN near_duplicates n ON n.article_id = th.id
            CROSS JOIN tags t ON t.article_id = n.duplicate_of AND t.plan_id = $plan AND t.theme_code = $theme AND t.day BETWEEN $from AND $to
            WHERE n.duplicate_of <> th.id),
        edge(later, earlier) AS MATERIALIZED (
            SELECT CASE WHEN aday > bday OR (aday = bday AND a > b) THEN a ELSE b END,
                   CASE WHEN aday > bday OR (aday = bday AND a > b) THEN bday || b ELSE aday || a END FROM link),
        parent(later, earlier) AS (SELECT later, substr(min(earlier), 11) FROM edge GROUP BY later),
        page(id) AS (SELECT id FROM th WHERE id NOT IN (SELECT later FROM edge) ORDER BY day DESC, id DESC LIMIT $limit OFFSET $offset),
        tree(root, id) AS (SELECT id, id FROM page UNION SELECT tree.root, parent.later FROM tree JOIN parent ON parent.earlier = tree.id),
        counts(articles, copies) AS (SELECT (SELECT count(*) FROM th), (SELECT count(DISTINCT later) FROM edge))
        SELECT counts.articles, counts.copies, r.* FROM counts LEFT JOIN (
            SELECT tree.root, a.id, a.outlet, a.title, a.url, t.day, a.published, {texts}
            FROM tree CROSS JOIN articles a ON a.id = tree.id CROSS JOIN tags t ON t.article_id = tree.id AND t.plan_id = $plan AND t.theme_code = $theme) r
        """;

    private static readonly string StoriesWithText = StoriesSql.Replace("{texts}", "a.description, a.text, t.evidence", StringComparison.Ordinal);
    private static readonly string StoriesWithoutText = StoriesSql.Replace("{texts}", "NULL, '', '[]'", StringComparison.Ordinal);

    public async Task<ThemeStories?> StoriesAsync(StoredPlan plan, string theme, DateOnly asOf, StoryPage page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(page);
        if (CoverageRules.Windows(plan.Plan, null, asOf).FirstOrDefault(w => w.Code == theme) is not { } window)
        {
            return null;
        }

        await using var connection = await ConnectAsync(ct);
        await using var command = connection.Command(page.WithText ? StoriesWithText : StoriesWithoutText, null, ("$plan", plan.Id), ("$theme", theme), ("$from", window.FromKey), ("$to", window.ToKey),
            ("$limit", page.Limit), ("$offset", page.Offset));
        var (articles, copies) = (0, 0);
        var rows = await ListAsync(command, r =>
        {
            (articles, copies) = (r.GetInt32(0), r.GetInt32(1));
            return r.IsDBNull(2) ? default : (Root: r.GetString(2), Article: new ThemeArticle(r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                DateOnly.ParseExact(r.GetString(7), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.NullableString(8) is { } p ? DateTimeOffset.Parse(p, CultureInfo.InvariantCulture) : null)
            {
                Description = r.NullableString(9), Text = r.GetString(10),
                Evidence = JsonSerializer.Deserialize<List<Evidence>>(r.GetString(11), ArticleJson.Options) ?? [],
            });
        }, ct);
        var title = plan.Plan.Themes.First(t => t.Code == theme).Title;
        return new ThemeStories(plan.Id, plan.Version, theme, title, asOf, articles - copies, copies, page.Offset,
            CoverageRules.PageOfStories(rows.Where(r => r.Root is not null)));
    }
}
