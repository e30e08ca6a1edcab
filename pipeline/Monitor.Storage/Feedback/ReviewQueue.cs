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

    /// <summary>The matcher's threshold the doubt is computed with (<see cref="ScoringOptions.Default"/>); schema step 18's
    /// indexes clamp scores at it and at three times it (<see cref="ReviewCandidates"/>).</summary>
    internal const double Threshold = 1.0;

    /// <summary>Whether the queue reads the tags this deployment's pages read: SQLite's. With the Elasticsearch store the
    /// taggers write their tags there, not to SQLite, so the queue says it is not supported rather than show an empty
    /// or stale list.</summary>
    public static bool Reads(Coverage.IArticleStore store) => store is Coverage.SqliteArticleStore;

    public async Task<ReviewPage> ListAsync(StoredPlan plan, ReviewFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(filter);
        var limit = Math.Clamp(filter.Limit, 1, MaxLimit);
        var themes = plan.Plan.Themes.Select(t => t.Code).Where(c => filter.Theme is null || c == filter.Theme).ToList();
        await using var connection = await db.ConnectAsync(ct);
        var (demote, promote) = await LinesAsync(connection, plan.Id, ct);
        (string, object?)[] parameters =
        [
            ("$plan", plan.Id), ("$themes", JsonSerializer.Serialize(themes)), ("$outlet", filter.Outlet),
            ("$outlets", filter.Outlets is null ? null : JsonSerializer.Serialize(filter.Outlets)), ("$demote", demote), ("$promote", promote),
        ];
        var candidates = new List<Candidate>();
        await using (var command = connection.Command(ReviewCandidates.Pairs, null, [.. parameters, ("$limit", limit)]))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var (grade, score, relevance) = (reader.GetString(2), reader.GetDouble(3), reader.IsDBNull(4) ? (double?)null : reader.GetDouble(4));
                var doubt = ReviewPriority.Doubt(grade, score, relevance, demote, promote, Threshold);
                if (doubt > 0)
                {
                    candidates.Add(new Candidate(reader.GetString(0), reader.GetString(1), grade, score, relevance, doubt));
                }
            }
        }

        var total = await connection.ScalarAsync<long>(ReviewCandidates.Count, ct, null, parameters);
        var ranked = ReviewPriority.Interleave(candidates, c => c.Theme, c => c.Doubt, c => c.Article).Take(limit).ToList();
        return new ReviewPage((int)total, await ItemsAsync(connection, plan.Id, ranked, ct));
    }

    private sealed record Candidate(string Article, string Theme, string Grade, double Score, double? Relevance, double Doubt);

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

    // The listed pairs' articles and evidence in one statement (a counted hit's evidence, else the mention's), in queue order.
    private static async Task<List<ReviewItem>> ItemsAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string planId, List<Candidate> ranked, CancellationToken ct)
    {
        var rows = new ReviewItem?[ranked.Count];
        await using (var command = connection.Command("""
            SELECT p.key, p.value ->> 1, a.title, a.outlet, a.published_utc, a.description, a.text,
                   COALESCE((SELECT evidence FROM tags WHERE article_id = a.id AND plan_id = $plan AND theme_code = p.value ->> 1),
                            (SELECT evidence FROM tag_mentions WHERE article_id = a.id AND plan_id = $plan AND theme_code = p.value ->> 1), '[]')
            FROM json_each($pairs) p JOIN articles a ON a.id = p.value ->> 0
            """, null, ("$plan", planId), ("$pairs", JsonSerializer.Serialize(ranked.Select(c => new[] { c.Article, c.Theme })))))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var i = reader.GetInt32(0);
                var c = ranked[i];
                var evidence = JsonSerializer.Deserialize<List<Evidence>>(reader.GetString(7), ArticleJson.Options) ?? [];
                var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["title"] = reader.GetString(2), ["description"] = reader.NullableString(5), ["text"] = reader.GetString(6),
                };
                var published = reader.IsDBNull(4) ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4));
                rows[i] = new ReviewItem(c.Article, c.Theme, c.Grade, c.Score, c.Relevance, c.Doubt, reader.GetString(2), reader.GetString(3), published,
                    Snippet(evidence, fields));
            }
        }

        return [.. rows.OfType<ReviewItem>()];
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
