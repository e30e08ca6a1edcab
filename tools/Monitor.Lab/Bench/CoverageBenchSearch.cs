using System.Text;
using Microsoft.Data.Sqlite;
using Monitor.Core.Plans;
using Monitor.Core.Text;
using Monitor.Storage;

namespace Monitor.Lab.Bench;

/// <summary>The words of the bench store's articles and their full-text index (<c>articles_fts</c>, as ArticleWriter
/// fills it: folded title, folded body), so <c>bench dashboard</c> can time Tìm kiếm on a million articles. A title and
/// a lead of about 30 everyday words; a tagged article names one keyword of its first theme in both, as the tagger
/// needed, so a plan keyword finds about one article in seventy. Deterministic: article n (by <c>seq</c>) gets the
/// n-th draw of one seeded generator.</summary>
public static class CoverageBenchSearch
{
    /// <summary>A query a user types, accented; <see cref="Unaccented"/> is the same words as typed without marks.</summary>
    public const string Accented = "ngộ độc thực phẩm";

    public const string Unaccented = "ngo doc thuc pham";

    /// <summary>True when the store's search index holds no article yet (a store generated before the bench filled it).</summary>
    public static async Task<bool> MissingAsync(MonitorDatabase db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.ConnectAsync(ct);
        // The contentless table keeps one docsize row per indexed article.
        return await connection.ScalarAsync<long>("SELECT EXISTS (SELECT 1 FROM articles_fts_docsize) = 0 AND EXISTS (SELECT 1 FROM articles)", ct) == 1;
    }

    /// <summary>Writes every article's title and text from the plan's keywords and the everyday words, and indexes them,
    /// in one transaction.</summary>
    public static async Task<long> FillAsync(MonitorDatabase db, string planId, Plan plan, CancellationToken ct, int seed = 46)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var keywords = plan.Themes.ToDictionary(t => t.Code, t => t.Keywords.Where(k => k.Any(char.IsLetter)).ToArray(), StringComparer.Ordinal);
        var random = new Random(seed);
        await using var connection = await db.ConnectAsync(ct);
        await connection.ExecuteAsync("PRAGMA cache_size = -524288", ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var rows = new List<(long Seq, string? Theme)>();
        await using (var read = connection.Command("""
            SELECT a.seq, (SELECT MIN(t.theme_code) FROM tags t WHERE t.article_id = a.id AND t.plan_id = $plan) FROM articles a ORDER BY a.seq
            """, tx, ("$plan", planId)))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }
        }

        await using var update = connection.Command("UPDATE articles SET title = $title, text = $text WHERE seq = $seq", tx, ("$title", ""), ("$text", ""), ("$seq", 0L));
        await using var index = connection.Command("INSERT INTO articles_fts (rowid, title, body) VALUES ($seq, $title, $body)", tx, ("$seq", 0L), ("$title", ""), ("$body", ""));
        update.Prepare();
        index.Prepare();
        foreach (var (seq, theme) in rows)
        {
            var keyword = theme is not null && keywords.TryGetValue(theme, out var k) && k.Length > 0 ? k[random.Next(k.Length)] : null;
            var title = Sentence(random, 6, keyword);
            var text = Sentence(random, 30, keyword);
            (update.Parameters["$title"].Value, update.Parameters["$text"].Value, update.Parameters["$seq"].Value) = (title, text, seq);
            await update.ExecuteNonQueryAsync(ct);
            (index.Parameters["$title"].Value, index.Parameters["$body"].Value, index.Parameters["$seq"].Value) =
                (VietnameseFolding.Key(title), VietnameseFolding.Key(" " + text), seq);
            await index.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return rows.Count;
    }

    // Everyday words, with the keyword (when given) at a random place; the first letter upper case.
    private static string Sentence(Random random, int words, string? keyword)
    {
        var at = keyword is null ? -1 : random.Next(words);
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            text.Append(i == at ? keyword : ArticleGenerator.Words[random.Next(ArticleGenerator.Words.Length)]).Append(' ');
        }

        text[0] = char.ToUpperInvariant(text[0]);
        return text.ToString().TrimEnd() + ".";
    }
}
