using System.Globalization;
using Monitor.Elasticsearch.Documents;

namespace Monitor.Elasticsearch;

/// <summary>An article's versions in the articles index, kept as SQLite keeps them (ArticleWriter): a fetch with the
/// stored content changes nothing, a newer fetch with other content is the next version and records the title it
/// replaced, an older fetch is refused by the version guard anyway. A document is written whole, so a writer that does
/// not know the history (a tagger: <see cref="ArticleDocument.Revision"/> 0) gets it from the stored document, read by
/// ids before the bulk; the feed brings SQLite's, a re-tag the document's own.</summary>
internal static class ArticleHistory
{
    private static readonly string[] Fields = ["id", "content_hash", "title", "fetched_at", "revision", "changes"];

    /// <summary>The batch with every unknown history filled in from the stored documents (one ids search per 1,000).</summary>
    public static async Task<IReadOnlyList<IndexedArticle>> ApplyAsync(ElasticsearchConnection connection, IReadOnlyList<IndexedArticle> batch, CancellationToken ct)
    {
        var unknown = batch.Where(a => a.Article.Revision <= 0).Select(a => a.Article.Id).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return batch;
        }

        var stored = new Dictionary<string, StoredVersion>(StringComparer.Ordinal);
        foreach (var chunk in unknown.Chunk(ElasticsearchQueries.PageSize))
        {
            var answer = (await connection.Client.SearchAsync<StoredVersion>(ElasticsearchQueries.ByIds(connection.Articles, chunk, Fields), ct))
                .Checked($"POST {connection.Articles}/_search");
            foreach (var hit in answer.Documents.Where(d => d.Id is not null))
            {
                stored[hit.Id!] = hit;
            }
        }

        return batch.Select(a => a.Article.Revision > 0 ? a : a with { Article = Next(a.Article, stored.GetValueOrDefault(a.Article.Id)) }).ToList();
    }

    /// <summary>The document with its version and earlier versions, given what the index holds (null: nothing yet).</summary>
    public static ArticleDocument Next(ArticleDocument written, StoredVersion? stored)
    {
        if (stored is null)
        {
            return written with { Revision = 1, Changes = [] };
        }

        var revision = Math.Max(1, stored.Revision ?? 1);
        var older = stored.FetchedAt is { } at && DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) > DateTimeOffset.Parse(written.FetchedAt, CultureInfo.InvariantCulture);
        if (stored.ContentHash == written.ContentHash || older)
        {
            // Unchanged (a redelivery, a re-tag), or older than what is stored (the guard refuses it): the history stays.
            return written with { Revision = revision, Changes = stored.Changes };
        }

        return written with
        {
            Revision = revision + 1,
            Changes = [.. stored.Changes, new ChangeDocument { Version = revision + 1, PreviousTitle = stored.Title ?? "", ChangedAt = written.FetchedAt }],
        };
    }
}

/// <summary>What the index holds of an article's versions.</summary>
internal sealed record StoredVersion
{
    public string? Id { get; init; }

    public string? ContentHash { get; init; }

    public string? Title { get; init; }

    public string? FetchedAt { get; init; }

    public int? Revision { get; init; }

    public IReadOnlyList<ChangeDocument> Changes { get; init; } = [];
}
