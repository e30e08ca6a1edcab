using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Core.Articles;
using Monitor.Elasticsearch.Documents;
using Monitor.Storage;

namespace Monitor.Elasticsearch;

/// <summary>Feeds the indices from the SQLite store, where the embedded tagger writes: every stored article (in pages by
/// its sequence number) with its current tags (and their evidence) for every plan, its passing mentions, cited
/// documents and near-duplicate links, through the indexer. Writing
/// is idempotent by id, so a feed can be run again at any time. (The Kafka taggers write to Elasticsearch directly and
/// need no feed: docs/elasticsearch.md.)</summary>
public sealed class ElasticsearchFeed(MonitorDatabase db, ElasticsearchIndexer indexer, ElasticsearchIndices indices)
{
    /// <summary>Feeds the articles stored after <paramref name="afterSeq"/> (0 = all), <paramref name="batch"/> per _bulk
    /// request, then refreshes the indices. Stops at the first batch with a refused item (<see cref="ElasticsearchBulkException"/>),
    /// so nothing after a failure is reported as fed.</summary>
    /// <returns>The articles fed and the last sequence number fed.</returns>
    public async Task<(int Articles, long LastSeq)> RunAsync(long afterSeq, int batch, CancellationToken ct)
    {
        await indices.EnsureAsync(ct);
        await using var connection = await db.ConnectAsync(ct);
        var plans = new List<string>();
        await using (var command = connection.Command("SELECT DISTINCT plan_id FROM plans ORDER BY plan_id"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                plans.Add(reader.GetString(0));
            }
        }

        var fed = 0;
        var last = afterSeq;
        while (true)
        {
            var (page, lastSeq) = await PageAsync(connection, last, batch, ct);
            if (page.Count == 0)
            {
                break;
            }

            await indexer.IndexAsync(page, plans, ct);
            fed += page.Count;
            last = lastSeq;
        }

        await indices.RefreshAsync(ct);
        return (fed, last);
    }

    internal static async Task<(List<IndexedArticle> Page, long LastSeq)> PageAsync(SqliteConnection connection, long afterSeq, int batch, CancellationToken ct)
    {
        var articles = new List<(long Seq, ArticleDocument Doc)>();
        await using (var command = connection.Command("""
            SELECT seq, id, url, canonical_url, outlet, section, title, description, text, published, modified, author, language, fetched_at, content_hash, version
            FROM articles WHERE seq > $after ORDER BY seq LIMIT $n
            """, null, ("$after", afterSeq), ("$n", batch)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var article = new Article
                {
                    Id = reader.GetString(1), Url = reader.GetString(2), CanonicalUrl = reader.GetString(3), Outlet = reader.GetString(4),
                    Section = reader.NullableString(5), Title = reader.GetString(6), Description = reader.NullableString(7), Text = reader.GetString(8),
                    Published = Instant(reader.NullableString(9)), Modified = Instant(reader.NullableString(10)), Author = reader.NullableString(11),
                    Language = reader.NullableString(12), FetchedAt = Instant(reader.GetString(13))!.Value, ContentHash = reader.GetString(14),
                };
                articles.Add((reader.GetInt64(0), ArticleDocument.Of(article) with { Revision = Math.Max(1, reader.GetInt32(15)) }));
            }
        }

        if (articles.Count == 0)
        {
            return ([], afterSeq);
        }

        var ids = JsonSerializer.Serialize(articles.Select(a => a.Doc.Id));
        var tags = new List<TagDocument>();
        await using (var command = connection.Command("""
            SELECT article_id, plan_id, plan_version, theme_code, score, outlet, section, day, week, month, tagged_at, evidence, grade
            FROM tags WHERE article_id IN (SELECT value FROM json_each($ids))
            """, null, ("$ids", ids)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                tags.Add(new TagDocument
                {
                    ArticleId = reader.GetString(0), PlanId = reader.GetString(1), PlanVersion = reader.GetInt32(2), ThemeCode = reader.GetString(3),
                    Score = reader.GetDouble(4), Outlet = reader.NullableString(5), Section = reader.NullableString(6), Day = reader.NullableString(7),
                    Week = reader.NullableString(8), Month = reader.NullableString(9), TaggedAt = reader.GetString(10), Evidence = Evidence(reader.GetString(11)), Grade = reader.GetString(12),
                });
            }
        }

        var links = new List<(string Article, string Of)>();
        await using (var command = connection.Command("SELECT article_id, duplicate_of FROM near_duplicates WHERE article_id IN (SELECT value FROM json_each($ids))",
            null, ("$ids", ids)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                links.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var references = new List<(string Article, string Number)>();
        await using (var command = connection.Command("SELECT article_id, number FROM article_references WHERE article_id IN (SELECT value FROM json_each($ids))",
            null, ("$ids", ids)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                references.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var mentions = new List<(string Article, MentionDocument Mention)>();
        await using (var command = connection.Command("""
            SELECT article_id, plan_id, plan_version, theme_code, score, evidence FROM tag_mentions WHERE article_id IN (SELECT value FROM json_each($ids))
            ORDER BY article_id, plan_id, theme_code
            """, null, ("$ids", ids)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                mentions.Add((reader.GetString(0), new MentionDocument
                {
                    PlanId = reader.GetString(1), PlanVersion = reader.GetInt32(2), ThemeCode = reader.GetString(3), Score = reader.GetDouble(4), Evidence = Evidence(reader.GetString(5)),
                }));
            }
        }

        var changes = new List<(string Article, ChangeDocument Change)>();
        await using (var command = connection.Command("""
            SELECT article_id, version, previous_title, changed_at FROM article_changes WHERE article_id IN (SELECT value FROM json_each($ids))
            ORDER BY article_id, version
            """, null, ("$ids", ids)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                changes.Add((reader.GetString(0), new ChangeDocument { Version = reader.GetInt32(1), PreviousTitle = reader.NullableString(2) ?? "", ChangedAt = reader.GetString(3) }));
            }
        }

        var changesOf = changes.ToLookup(c => c.Article, c => c.Change, StringComparer.Ordinal);
        var citedBy = references.ToLookup(r => r.Article, r => r.Number, StringComparer.Ordinal);
        var mentionsOf = mentions.ToLookup(m => m.Article, m => m.Mention, StringComparer.Ordinal);
        var tagsOf = tags.ToLookup(t => t.ArticleId, StringComparer.Ordinal);
        var linksOf = links.ToLookup(l => l.Article, l => l.Of, StringComparer.Ordinal);
        var page = articles.Select(a => new IndexedArticle(a.Doc with
        {
            DuplicateOf = linksOf[a.Doc.Id].Order(StringComparer.Ordinal).ToList(), References = ArticleDocument.Cited(citedBy[a.Doc.Id]), Mentions = mentionsOf[a.Doc.Id].ToList(),
            Changes = changesOf[a.Doc.Id].ToList(),
        }, tagsOf[a.Doc.Id].ToList())).ToList();
        return (page, articles[^1].Seq);
    }

    private static List<Core.Tagging.Evidence> Evidence(string json) => JsonSerializer.Deserialize<List<Core.Tagging.Evidence>>(json, ArticleJson.Options) ?? [];

    private static DateTimeOffset? Instant(string? value) => value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
}
