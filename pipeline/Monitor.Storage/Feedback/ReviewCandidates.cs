namespace Monitor.Storage.Feedback;

/// <summary>The review queue's two reads over SQLite, bounded by the indexes of schema step 18 (issue 14 item 4 at
/// scale). The queue needs each theme's first <c>limit</c> pairs by doubt (the interleaving takes at most that many from
/// one theme) and how many doubtful pairs there are; reading and ranking every partial hit and mention of a plan per
/// request cost seconds on a million articles. So the pairs are read as seven arms, each one index range whose order
/// is the doubt order of <see cref="Core.Learning.ReviewPriority.Doubt"/> within it (most doubtful first, ties by
/// article id), cut at <c>limit</c> per theme; the queue ranks their union with <c>ReviewPriority</c> itself:
/// <list type="bullet">
/// <item>counted hits without a probability, partial and primary apart: score clamped to [threshold, 3 × threshold]
/// ascending (the doubt is constant outside that range, so the clamp keeps equal doubts in article order);</item>
/// <item>counted hits with a probability: at or above the demote line ascending, below it descending;</item>
/// <item>mentions without a probability: clamped score descending (above the threshold only);</item>
/// <item>mentions with a probability: at or above the promote line ascending, below it descending.</item>
/// </list>
/// Each arm's condition also leaves out doubt 0 as <c>ReviewPriority.Doubt</c> gives it (a primary hit of score
/// 3 × threshold or more, a mention at the threshold or below, a probability a whole 1 from its line), so the count is
/// the arms' rows before the cut. The clamp's literals (1.0 and 3.0) are the indexes' expressions, which a query must
/// repeat word for word to use them: <see cref="ReviewQueue.Threshold"/> is 1.0.</summary>
internal static class ReviewCandidates
{
    private const string Clamp = "min(max(s.score, 1.0), 3.0)";

    private static readonly (string Table, string Grade, string Where, string Order)[] Arms =
    [
        ("tags", "s.grade", $"s.grade = 'partial' AND s.relevance IS NULL", $"{Clamp}, s.article_id"),
        ("tags", "s.grade", $"s.grade = 'primary' AND s.relevance IS NULL AND {Clamp} < 3.0", $"{Clamp}, s.article_id"),
        ("tags", "s.grade", "s.relevance IS NOT NULL AND s.relevance >= $demote AND s.relevance - $demote < 1", "s.relevance, s.article_id"),
        ("tags", "s.grade", "s.relevance IS NOT NULL AND s.relevance < $demote AND $demote - s.relevance < 1", "s.relevance DESC, s.article_id"),
        ("tag_mentions", "'mention'", $"s.relevance IS NULL AND {Clamp} > 1.0", $"{Clamp} DESC, s.article_id"),
        ("tag_mentions", "'mention'", "s.relevance IS NOT NULL AND s.relevance >= $promote AND s.relevance - $promote < 1", "s.relevance, s.article_id"),
        ("tag_mentions", "'mention'", "s.relevance IS NOT NULL AND s.relevance < $promote AND $promote - s.relevance < 1", "s.relevance DESC, s.article_id"),
    ];

    /// <summary>Rows: article id, theme, grade, score, relevance. Parameters: <c>$plan</c>, <c>$themes</c> (JSON array),
    /// <c>$outlet</c>, <c>$outlets</c> (JSON array or null), <c>$demote</c>, <c>$promote</c>, <c>$limit</c>.</summary>
    public static readonly string Pairs = string.Join("\nUNION ALL\n", Arms.Select(a => $"""
        SELECT s.article_id, s.theme_code, {a.Grade}, s.score, s.relevance
        FROM json_each($themes) th CROSS JOIN {a.Table} s ON s.rowid IN (
            SELECT s.rowid FROM {a.Table} s
            WHERE s.plan_id = $plan AND s.theme_code = th.value AND {a.Where} AND {Outlets(a.Table)} AND {Undecided}
            ORDER BY {a.Order} LIMIT $limit)
        """));

    /// <summary>How many undecided pairs of doubt above 0 the filters leave; the parameters of <see cref="Pairs"/> but
    /// <c>$limit</c>. Every row of the arms counted, less those with a decision (a few thousand, read from
    /// <c>feedback</c>): asking <c>feedback</c> for each of a million rows would cost more than the count.</summary>
    public static readonly string Count = "SELECT " + string.Join("\n + ", Arms.Select(a => $"""
        (SELECT count(*) FROM {a.Table} s
         WHERE s.plan_id = $plan AND s.theme_code IN (SELECT value FROM json_each($themes)) AND {a.Where} AND {Outlets(a.Table)})
         - (SELECT count(*) FROM (SELECT DISTINCT article_id, theme_code FROM feedback WHERE plan_id = $plan) f CROSS JOIN {a.Table} s
            ON s.rowid = (SELECT p.rowid FROM {a.Table} p WHERE p.article_id = f.article_id AND p.plan_id = $plan AND p.theme_code = f.theme_code)
            WHERE s.theme_code IN (SELECT value FROM json_each($themes)) AND {a.Where} AND {Outlets(a.Table)})
        """));

    // A decision of any verdict takes the pair out.
    private const string Undecided = "NOT EXISTS (SELECT 1 FROM feedback f WHERE f.plan_id = $plan AND f.article_id = s.article_id AND f.theme_code = s.theme_code)";

    // The outlet asked for and an editor's outlets; a tag carries its article's outlet, a mention reads it from the article.
    private static string Outlets(string table)
    {
        var outlet = table == "tags" ? "s.outlet" : "(SELECT a.outlet FROM articles a WHERE a.id = s.article_id)";
        return $"($outlet IS NULL OR {outlet} = $outlet) AND ($outlets IS NULL OR {outlet} IN (SELECT value FROM json_each($outlets)))";
    }
}
