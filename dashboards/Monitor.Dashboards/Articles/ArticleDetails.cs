using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Storage;

namespace Monitor.Dashboards.Articles;

/// <summary>One stored tag of an article: plan, version it was tagged with, theme, score, evidence (empty for a theme
/// a person added), grade (primary or partial; a passing mention is a <see cref="Mention"/>).</summary>
public sealed record StoredTag(string Plan, int Version, string Theme, double Score, IReadOnlyList<Evidence> Evidence, string Grade = Core.Tagging.ThemeGrade.Primary);

/// <summary>An earlier version of a changed article.</summary>
public sealed record ArticleChange(int Version, string PreviousTitle, string ChangedAt);

/// <summary>A near-duplicate of the article (either direction of the crawler's link).</summary>
public sealed record Duplicate(string Id, string Title, string Outlet, int Distance);

/// <summary>What the article page reads besides the article: tags, cited documents, near-duplicates, versions.</summary>
public sealed class ArticleDetails(MonitorDatabase db)
{
    public async Task<IReadOnlyList<StoredTag>> TagsAsync(string articleId, CancellationToken ct) =>
        await ReadAsync("SELECT plan_id, plan_version, theme_code, score, evidence, grade FROM tags WHERE article_id = $id ORDER BY plan_id, score DESC, theme_code", articleId,
            r => new StoredTag(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetDouble(3),
                JsonSerializer.Deserialize<List<Evidence>>(r.GetString(4), ArticleJson.Options) ?? [], r.GetString(5)), ct);

    public async Task<IReadOnlyList<string>> ReferencesAsync(string articleId, CancellationToken ct) =>
        await ReadAsync("SELECT number FROM article_references WHERE article_id = $id ORDER BY number", articleId, r => r.GetString(0), ct);

    public async Task<IReadOnlyList<Duplicate>> DuplicatesAsync(string articleId, CancellationToken ct) =>
        await ReadAsync("""
            SELECT a.id, a.title, a.outlet, n.distance FROM (
                SELECT duplicate_of AS other, distance FROM near_duplicates WHERE article_id = $id
                UNION SELECT article_id, distance FROM near_duplicates WHERE duplicate_of = $id) n
            JOIN articles a ON a.id = n.other ORDER BY a.published_utc, a.id
            """, articleId, r => new Duplicate(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3)), ct);

    public async Task<IReadOnlyList<ArticleChange>> ChangesAsync(string articleId, CancellationToken ct) =>
        await ReadAsync("SELECT version, previous_title, changed_at FROM article_changes WHERE article_id = $id ORDER BY version", articleId,
            r => new ArticleChange(r.GetInt32(0), r.GetString(1), r.GetString(2)), ct);

    /// <summary>The stored version number (1 when never changed).</summary>
    public async Task<int> VersionAsync(string articleId, CancellationToken ct) =>
        (await ReadAsync("SELECT version FROM articles WHERE id = $id", articleId, r => r.GetInt32(0), ct)).DefaultIfEmpty(1).First();

    private async Task<List<T>> ReadAsync<T>(string sql, string id, Func<SqliteDataReader, T> row, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = new SqliteCommand(sql, connection);
        command.Parameters.AddWithValue("$id", id);
        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(row(reader));
        }

        return list;
    }
}

/// <summary>A piece of a field's text: plain, or evidence of the listed themes.</summary>
public sealed record Segment(string Text, IReadOnlyList<string> Themes);

/// <summary>Cuts a field's original text at the evidence offsets (UTF-16, as the tagger gives them), so the page marks
/// exactly what matched; overlapping evidence of two themes becomes one marked piece naming both.</summary>
public static class Highlighter
{
    public static IReadOnlyList<Segment> Cut(string? text, string field, IEnumerable<StoredTag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var spans = tags.SelectMany(t => t.Evidence.Where(e => e.Field == field && e.Start >= 0 && e.End <= text.Length && e.Start < e.End).Select(e => (e.Start, e.End, t.Theme))).ToList();
        var cuts = spans.SelectMany(s => new[] { s.Start, s.End }).Append(0).Append(text.Length).Distinct().Order().ToList();
        var segments = new List<Segment>();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (from, to) = (cuts[i], cuts[i + 1]);
            var themes = spans.Where(s => s.Start <= from && s.End >= to).Select(s => s.Theme).Distinct().Order(StringComparer.Ordinal).ToList();
            if (segments.Count > 0 && segments[^1].Themes.SequenceEqual(themes))
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + text[from..to] };
            }
            else
            {
                segments.Add(new Segment(text[from..to], themes));
            }
        }

        return segments;
    }

    /// <summary>The segments split into paragraphs at line breaks (a mark that spans a break is cut in two).</summary>
    public static IReadOnlyList<IReadOnlyList<Segment>> Paragraphs(IReadOnlyList<Segment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var paragraphs = new List<List<Segment>> { new() };
        foreach (var s in segments)
        {
            var parts = s.Text.Split('\n');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    paragraphs.Add([]);
                }

                if (parts[i].Trim().Length > 0 || (parts[i].Length > 0 && paragraphs[^1].Count > 0))
                {
                    paragraphs[^1].Add(s with { Text = parts[i] });
                }
            }
        }

        return paragraphs.Where(p => p.Count > 0).ToList();
    }

    public static string Score(double score) => score.ToString("0.##", CultureInfo.InvariantCulture);
}
