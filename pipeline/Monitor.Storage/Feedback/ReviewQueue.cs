using System.Text.Json;
using Monitor.Core.Articles;
using Monitor.Core.Learning;
using Monitor.Core.Tagging;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Feedback;

/// <summary>The evidence an analyst reads in the queue: the first matched phrase (title, then lead, then body) with up to
/// <see cref="ReviewQueue.SnippetContext"/> characters of its field either side.</summary>
public sealed record ReviewSnippet(string Field, string Before, string Match, string After);

/// <summary>One undecided pair of the review queue: the tagger's grade, score and learnt relevance (null without a model
/// for the theme), how doubtful it is (<see cref="ReviewPriority.Doubt"/>), and the article as the queue shows it.</summary>
public sealed record ReviewItem(string ArticleId, string Theme, string Grade, double Score, double? Relevance, double Doubt,
    string Title, string Outlet, DateTimeOffset? Published, ReviewSnippet? Snippet);

/// <summary>What the queue lists: one theme or all, one outlet or all, only these outlets (an editor's; null: every
/// outlet), at most <paramref name="Limit"/> rows.</summary>
public sealed record ReviewFilter(string? Theme, string? Outlet, IReadOnlyCollection<string>? Outlets, int Limit);

/// <summary>The first rows of the queue and how many undecided doubtful pairs there are in all.</summary>
public sealed record ReviewPage(int Total, IReadOnlyList<ReviewItem> Items);

/// <summary>The review queue "Cần xem xét" (issue 14 item 4) over SQLite's tags: a plan's undecided (article, theme)
/// pairs, counted hits (<c>tags</c>) and mentions (<c>tag_mentions</c>), ranked by <see cref="ReviewPriority"/> and
/// interleaved across themes. A pair with any feedback row is decided and never listed; a pair the tagger is sure of
/// (doubt 0: a primary hit of score 3 or more, a mention at the threshold) is not listed either. The learnt relevance is
/// the one stored with the tag (schema step 17).</summary>
public sealed class ReviewQueue(MonitorDatabase db)
{
    public const int SnippetContext = 90;

    /// <summary>The most rows one read returns.</summary>
    public const int MaxLimit = 500;

    private static readonly double Threshold = ScoringOptions.Default.Threshold;

    /// <summary>Whether the queue reads the tags this deployment's pages read: SQLite's. With the Elasticsearch store the
    /// taggers write their tags there, not to SQLite, so the queue says it is not supported rather than show an empty
    /// or stale list.</summary>
    public static bool Reads(Coverage.IArticleStore store) => store is Coverage.SqliteArticleStore;

    public async Task<ReviewPage> ListAsync(StoredPlan plan, ReviewFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(filter);
        var themes = plan.Plan.Themes.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var candidates = new List<(string Article, string Theme, string Grade, double Score, double? Relevance, double Doubt)>();
        await using var connection = await db.ConnectAsync(ct);
        var (demote, promote) = await LinesAsync(connection, plan.Id, ct);
        await using (var command = connection.Command("""
            SELECT t.article_id, t.theme_code, t.grade, t.score, t.relevance
            FROM (SELECT article_id, theme_code, grade, score, relevance FROM tags
                  WHERE plan_id = $plan AND ($theme IS NULL OR theme_code = $theme) AND (grade <> 'primary' OR score < 3 * $threshold OR relevance IS NOT NULL)
                  UNION ALL
                  SELECT article_id, theme_code, 'mention', score, relevance FROM tag_mentions
                  WHERE plan_id = $plan AND ($theme IS NULL OR theme_code = $theme) AND (score > $threshold OR relevance IS NOT NULL)) t
            JOIN articles a ON a.id = t.article_id
            WHERE ($outlet IS NULL OR a.outlet = $outlet)
              AND ($outlets IS NULL OR a.outlet IN (SELECT value FROM json_each($outlets)))
              AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.plan_id = $plan AND f.article_id = t.article_id AND f.theme_code = t.theme_code)
            """, null, ("$plan", plan.Id), ("$theme", filter.Theme), ("$threshold", Threshold), ("$outlet", filter.Outlet),
            ("$outlets", filter.Outlets is null ? null : JsonSerializer.Serialize(filter.Outlets))))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var (grade, score, relevance) = (reader.GetString(2), reader.GetDouble(3), reader.IsDBNull(4) ? (double?)null : reader.GetDouble(4));
                var doubt = ReviewPriority.Doubt(grade, score, relevance, demote, promote, Threshold);
                if (themes.Contains(reader.GetString(1)) && doubt > 0)
                {
                    candidates.Add((reader.GetString(0), reader.GetString(1), grade, score, relevance, doubt));
                }
            }
        }

        var ranked = ReviewPriority.Interleave(candidates, c => c.Theme, c => c.Doubt, c => c.Article).Take(Math.Clamp(filter.Limit, 1, MaxLimit));
        var items = new List<ReviewItem>();
        foreach (var c in ranked)
        {
            items.Add(await ItemAsync(connection, plan.Id, c, ct));
        }

        return new ReviewPage(candidates.Count, items);
    }

    // The model's lines when the plan has one (read from the stored JSON without parsing its weights), else the defaults.
    private static async Task<(double Demote, double Promote)> LinesAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string planId, CancellationToken ct)
    {
        await using var command = connection.Command(
            "SELECT json_extract(model, '$.demote_below'), json_extract(model, '$.promote_above') FROM relevance_models WHERE plan_id = $plan", null, ("$plan", planId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) && !reader.IsDBNull(0) && !reader.IsDBNull(1)
            ? (reader.GetDouble(0), reader.GetDouble(1))
            : (RelevanceOptions.Default.DemoteBelow, RelevanceOptions.Default.PromoteAbove);
    }

    private static async Task<ReviewItem> ItemAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string planId,
        (string Article, string Theme, string Grade, double Score, double? Relevance, double Doubt) c, CancellationToken ct)
    {
        await using var command = connection.Command("""
            SELECT a.title, a.outlet, a.published_utc, a.description, a.text,
                   COALESCE((SELECT evidence FROM tags WHERE article_id = a.id AND plan_id = $plan AND theme_code = $theme),
                            (SELECT evidence FROM tag_mentions WHERE article_id = a.id AND plan_id = $plan AND theme_code = $theme), '[]')
            FROM articles a WHERE a.id = $id
            """, null, ("$id", c.Article), ("$plan", planId), ("$theme", c.Theme));
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var evidence = JsonSerializer.Deserialize<List<Evidence>>(reader.GetString(5), ArticleJson.Options) ?? [];
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["title"] = reader.GetString(0), ["description"] = reader.NullableString(3), ["text"] = reader.GetString(4),
        };
        var published = reader.IsDBNull(2) ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
        return new ReviewItem(c.Article, c.Theme, c.Grade, c.Score, c.Relevance, c.Doubt, reader.GetString(0), reader.GetString(1), published, Snippet(evidence, fields));
    }

    /// <summary>The first piece of evidence that lies inside its field's text, in title, lead, body order.</summary>
    public static ReviewSnippet? Snippet(IReadOnlyList<Evidence> evidence, IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(fields);
        string[] order = ["title", "description", "text"];
        var first = evidence
            .Where(e => fields.GetValueOrDefault(e.Field) is { } text && e.Start >= 0 && e.Start < e.End && e.End <= text.Length)
            .OrderBy(e => Array.IndexOf(order, e.Field)).ThenBy(e => e.Start)
            .FirstOrDefault();
        if (first is null)
        {
            return null;
        }

        var field = fields[first.Field]!;
        var from = Math.Max(0, first.Start - SnippetContext);
        var to = Math.Min(field.Length, first.End + SnippetContext);
        return new ReviewSnippet(first.Field, (from > 0 ? "…" : "") + field[from..first.Start], field[first.Start..first.End], field[first.End..to] + (to < field.Length ? "…" : ""));
    }
}
