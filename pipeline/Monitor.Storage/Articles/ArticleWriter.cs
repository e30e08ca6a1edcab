using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Core.Text;
using Monitor.Core.Time;

namespace Monitor.Storage.Articles;

/// <summary>What an upsert did to the stored article.</summary>
public enum UpsertOutcome
{
    Inserted,
    Changed,
    Unchanged,

    /// <summary>The store holds a later fetch of the article; this older one is not written (a redelivered or
    /// reordered message never overwrites a newer version).</summary>
    Stale,
}

/// <summary>What the full-text index holds of an article: its folded title and folded lead + body.</summary>
public sealed record SearchText(string Title, string Body)
{
    public static SearchText Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new SearchText(VietnameseFolding.Key(article.Title), VietnameseFolding.Key(article.Description + " " + article.Text));
    }
}

/// <summary>Writes articles and their tags inside a caller's transaction, so a queue hand-off commits with them.
/// An article is one row per id; a changed article keeps its row, gets a new version and a change record.</summary>
public static class ArticleWriter
{
    /// <param name="search">The article's folded search text when the caller folded it already (off the write lock).</param>
    public static async Task<UpsertOutcome> UpsertAsync(SqliteConnection connection, SqliteTransaction tx, Article article, DateTimeOffset now, CancellationToken ct, SearchText? search = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        long seq;
        string? previousHash = null, previousTitle = null, previousFetch = null;
        long version = 0;
        var find = connection.Cached("SELECT seq, content_hash, version, title, fetched_at FROM articles WHERE id = $id", tx, ("$id", article.Id));
        await using (var reader = await find.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                seq = reader.GetInt64(0);
                previousHash = reader.GetString(1);
                version = reader.GetInt64(2);
                previousTitle = reader.GetString(3);
                previousFetch = reader.GetString(4);
            }
            else
            {
                seq = 0;
            }
        }

        if (previousHash == article.ContentHash)
        {
            return UpsertOutcome.Unchanged;
        }

        if (previousFetch is not null && DateTimeOffset.Parse(previousFetch, CultureInfo.InvariantCulture) > article.FetchedAt)
        {
            return UpsertOutcome.Stale;
        }

        var stamp = Iso(now);
        var when = article.Published ?? article.FetchedAt;
        var values = new (string, object?)[]
        {
            ("$id", article.Id), ("$url", article.Url), ("$canonical", article.CanonicalUrl), ("$outlet", article.Outlet),
            ("$section", article.Section), ("$title", article.Title), ("$description", article.Description), ("$text", article.Text),
            ("$published", article.Published is { } p ? Iso(p) : null), ("$published_utc", when.ToUnixTimeMilliseconds()),
            ("$week", IsoWeek.Of(when).ToString()), ("$modified", article.Modified is { } m ? Iso(m) : null),
            ("$author", article.Author), ("$language", article.Language), ("$fetched", Iso(article.FetchedAt)),
            ("$hash", article.ContentHash), ("$now", stamp),
        };

        UpsertOutcome outcome;
        if (previousHash is null)
        {
            seq = await connection.ScalarAsync<long>("""
                INSERT INTO articles (id, url, canonical_url, outlet, section, title, description, text, published, published_utc, week,
                                      modified, author, language, fetched_at, content_hash, version, stored_at)
                VALUES ($id, $url, $canonical, $outlet, $section, $title, $description, $text, $published, $published_utc, $week,
                        $modified, $author, $language, $fetched, $hash, 1, $now)
                RETURNING seq
                """, ct, tx, values);
            outcome = UpsertOutcome.Inserted;
        }
        else
        {
            await connection.ExecuteAsync("""
                INSERT INTO article_changes (article_id, version, previous_hash, content_hash, previous_title, changed_at)
                VALUES ($id, $version, $previous, $hash, $previous_title, $now)
                """, ct, tx, ("$id", article.Id), ("$version", version + 1), ("$previous", previousHash), ("$hash", article.ContentHash),
                ("$previous_title", previousTitle), ("$now", stamp));
            await connection.ExecuteAsync("""
                UPDATE articles SET url = $url, canonical_url = $canonical, outlet = $outlet, section = $section, title = $title,
                    description = $description, text = $text, published = $published, published_utc = $published_utc, week = $week,
                    modified = $modified, author = $author, language = $language, fetched_at = $fetched, content_hash = $hash,
                    version = version + 1, changed_at = $now
                WHERE id = $id
                """, ct, tx, values);
            await connection.ExecuteAsync("DELETE FROM articles_fts WHERE rowid = $seq", ct, tx, ("$seq", seq));
            outcome = UpsertOutcome.Changed;
        }

        search ??= SearchText.Of(article);
        await connection.ExecuteAsync("INSERT INTO articles_fts (rowid, title, body) VALUES ($seq, $title, $body)", ct, tx,
            ("$seq", seq), ("$title", search.Title), ("$body", search.Body));
        return outcome;
    }

    /// <summary>Replaces the tags of one article for one plan (a re-tag overwrites, never adds). An article the same
    /// transaction has just inserted (<paramref name="fresh"/>) has nothing to replace: two lookups less per article.</summary>
    public static async Task ReplaceTagsAsync(SqliteConnection connection, SqliteTransaction tx, string planId, int planVersion, TagResult result, DateTimeOffset now, CancellationToken ct, bool fresh = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!fresh)
        {
            await connection.ExecuteAsync("DELETE FROM tags WHERE article_id = $id AND plan_id = $plan", ct, tx, ("$id", result.ArticleId), ("$plan", planId));
            await connection.ExecuteAsync("DELETE FROM tag_mentions WHERE article_id = $id AND plan_id = $plan", ct, tx, ("$id", result.ArticleId), ("$plan", planId));
            await connection.ExecuteAsync("DELETE FROM article_references WHERE article_id = $id", ct, tx, ("$id", result.ArticleId));
        }

        foreach (var theme in result.Themes.Where(t => !t.Counts))
        {
            // A passing mention: kept for the article page, never counted (schema step 6).
            await connection.ExecuteAsync("""
                INSERT INTO tag_mentions (article_id, plan_id, plan_version, theme_code, score, evidence, tagged_at, relevance)
                VALUES ($id, $plan, $version, $code, $score, $evidence, $now, $relevance)
                """, ct, tx, ("$id", result.ArticleId), ("$plan", planId), ("$version", planVersion), ("$code", theme.Code),
                ("$score", theme.Score), ("$evidence", System.Text.Json.JsonSerializer.Serialize(theme.Evidence, ArticleJson.Options)), ("$now", Iso(now)),
                ("$relevance", theme.Relevance));
        }

        foreach (var theme in result.Themes.Where(t => t.Counts))
        {
            // The coverage columns come from the stored article in the same statement (schema step 2), so the
            // denormalising trigger, kept for other writers, has nothing to do: one index write per tag instead of two.
            await connection.ExecuteAsync("""
                INSERT INTO tags (article_id, plan_id, plan_version, theme_code, score, evidence, tagged_at, grade, relevance, outlet, section, day, week, month)
                SELECT $id, $plan, $version, $code, $score, $evidence, $now, $grade, $relevance, a.outlet, a.section, date(a.published_utc / 1000 + 25200, 'unixepoch'),
                       a.week, substr(date(a.published_utc / 1000 + 25200, 'unixepoch'), 1, 7)
                FROM (SELECT 1) LEFT JOIN articles a ON a.id = $id
                """, ct, tx, ("$id", result.ArticleId), ("$plan", planId), ("$version", planVersion), ("$code", theme.Code),
                ("$score", theme.Score), ("$evidence", System.Text.Json.JsonSerializer.Serialize(theme.Evidence, ArticleJson.Options)), ("$now", Iso(now)),
                ("$grade", theme.Grade), ("$relevance", theme.Relevance));
        }

        if (!fresh)
        {
            // Analyst feedback wins over the tagger (schema step 4): a confirmed or added theme stays whatever this
            // tagging said; a rejected one was kept out by the tags_feedback_rejected trigger. A fresh article has none.
            await connection.ExecuteAsync(Feedback.FeedbackStore.RestoreSql, ct, tx, ("$id", result.ArticleId), ("$plan", planId), ("$version", planVersion), ("$now", Iso(now)));
        }

        foreach (var number in result.References.Distinct())
        {
            // References are the article's, not the plan's: a second plan's pass finds them already there.
            await connection.ExecuteAsync("INSERT OR IGNORE INTO article_references (article_id, number) VALUES ($id, $n)", ct, tx, ("$id", result.ArticleId), ("$n", number));
        }
    }

    internal static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
