using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Core.Time;
using Monitor.Storage.Articles;

namespace Monitor.Storage.Coverage;

/// <summary>The article page's reads (the article, its versions, tags with evidence, passing mentions, cited documents,
/// near-duplicates) and the last article of each outlet for source health.</summary>
public sealed partial class SqliteArticleStore
{
    public Task<Article?> ArticleAsync(string id, CancellationToken ct) => new ArticleReader(db).GetAsync(id, ct);

    public async Task<int> VersionAsync(string id, CancellationToken ct) =>
        (await ReadAsync("SELECT version FROM articles WHERE id = $id", id, r => r.GetInt32(0), ct)).DefaultIfEmpty(1).First();

    public async Task<IReadOnlyList<ArticleChange>> ChangesAsync(string id, CancellationToken ct) =>
        await ReadAsync("SELECT version, previous_title, changed_at FROM article_changes WHERE article_id = $id ORDER BY version", id,
            r => new ArticleChange(r.GetInt32(0), r.GetString(1), r.GetString(2)), ct);

    public async Task<IReadOnlyList<StoredTag>> TagsAsync(string id, CancellationToken ct) =>
        await ReadAsync("SELECT plan_id, plan_version, theme_code, score, evidence, grade FROM tags WHERE article_id = $id ORDER BY plan_id, score DESC, theme_code", id,
            r => Tag(r) with { Grade = r.GetString(5) }, ct);

    public async Task<IReadOnlyList<StoredTag>> MentionsAsync(string id, CancellationToken ct) =>
        await ReadAsync("SELECT plan_id, plan_version, theme_code, score, evidence FROM tag_mentions WHERE article_id = $id ORDER BY plan_id, theme_code", id,
            r => Tag(r) with { Grade = ThemeGrade.Mention }, ct);

    public async Task<IReadOnlyList<string>> CitedAsync(string id, CancellationToken ct) =>
        await ReadAsync("SELECT number FROM article_references WHERE article_id = $id ORDER BY number", id, r => r.GetString(0), ct);

    public async Task<IReadOnlyList<Duplicate>> DuplicatesAsync(string id, CancellationToken ct) =>
        await ReadAsync("""
            SELECT a.id, a.title, a.outlet, n.distance FROM (
                SELECT duplicate_of AS other, distance FROM near_duplicates WHERE article_id = $id
                UNION SELECT article_id, distance FROM near_duplicates WHERE duplicate_of = $id) n
            JOIN articles a ON a.id = n.other ORDER BY a.published_utc, a.id
            """, id, r => new Duplicate(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3)), ct);

    public async Task<IReadOnlyDictionary<string, DateOnly>> LastArticleDaysAsync(IReadOnlyCollection<string> outlets, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        var end = CoverageRules.EndOf(asOf).ToUnixTimeMilliseconds();
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        await using var connection = await db.ConnectAsync(ct);
        foreach (var outlet in outlets.Distinct())
        {
            // The articles_outlet_published index answers each from its last entry before the end.
            var lastMs = await connection.ScalarAsync<long?>("SELECT MAX(published_utc) FROM articles WHERE outlet = $o AND published_utc < $end", ct, null,
                ("$o", outlet), ("$end", end));
            if (lastMs is { } ms)
            {
                result[outlet] = DateOnly.FromDateTime(VietnamTime.ToLocal(DateTimeOffset.FromUnixTimeMilliseconds(ms)).DateTime);
            }
        }

        return result;
    }

    private static StoredTag Tag(SqliteDataReader r) => new(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetDouble(3),
        JsonSerializer.Deserialize<List<Evidence>>(r.GetString(4), ArticleJson.Options) ?? []);

    private async Task<List<T>> ReadAsync<T>(string sql, string id, Func<SqliteDataReader, T> row, CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command(sql, null, ("$id", id));
        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(row(reader));
        }

        return list;
    }
}
