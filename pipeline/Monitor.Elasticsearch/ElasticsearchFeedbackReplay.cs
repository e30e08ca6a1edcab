using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Monitor.Elasticsearch.Documents;
using Monitor.Storage.Feedback;

namespace Monitor.Elasticsearch;

/// <summary>Re-applies every analyst decision in force to the tags index (the nightly upkeep): the dashboard's sink
/// pushes each decision once, after the SQLite commit, and a push that failed would otherwise reach Elasticsearch only
/// at the article's next write. Idempotent, in _bulk requests: a rejected theme's tag is deleted (already gone: no
/// error), a confirmed or added theme's tag is created from its article document unless it exists (<c>_create</c>: an
/// existing tag keeps its score, as the sink and SQLite's INSERT OR IGNORE do). A decision about an article the index
/// does not hold yet is left for the article's write, which applies it.</summary>
public sealed class ElasticsearchFeedbackReplay(ElasticsearchConnection connection, FeedbackDecisions decisions, TimeProvider time)
{
    /// <summary>Decisions per _bulk request.</summary>
    private const int PerBulk = 500;

    private const int Conflict = 409;
    private const int NotFound = 404;

    private static readonly string[] TagFields = ["id", "outlet", "section", "day", "week", "month"];

    /// <returns>The decisions re-applied (those about articles the index holds, and every rejection).</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var applied = 0;
        var now = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        foreach (var chunk in (await decisions.InForceAsync(ct)).Chunk(PerBulk))
        {
            var kept = chunk.Where(d => d.Verdict != Verdict.Rejected).Select(d => d.ArticleId).Distinct(StringComparer.Ordinal).ToList();
            var articles = new Dictionary<string, ArticleFields>(StringComparer.Ordinal);
            if (kept.Count > 0)
            {
                var answer = (await connection.Client.SearchAsync<ArticleFields>(ElasticsearchQueries.ByIds(connection.Articles, kept, TagFields), ct))
                    .Checked($"POST {connection.Articles}/_search");
                foreach (var a in answer.Documents)
                {
                    articles[a.Id!] = a;
                }
            }

            var request = Bulk(connection.Tags, chunk, articles, now);
            if (request.Operations is not { Count: > 0 })
            {
                continue;
            }

            var response = await connection.Client.BulkAsync(request, ct);
            if (response.ApiCallDetails.HttpStatusCode is not 200)
            {
                response.Checked("POST _bulk");
            }

            var failures = Failures(response);
            if (failures.Count > 0)
            {
                throw new ElasticsearchBulkException(failures);
            }

            applied += request.Operations.Count;
        }

        return applied;
    }

    /// <summary>One delete per rejection, one create per kept theme of an article the index holds (score 0).</summary>
    internal static BulkRequest Bulk(string index, IEnumerable<TagDecision> decisions, IReadOnlyDictionary<string, ArticleFields> articles, string now) => new()
    {
        Operations = new BulkOperationsCollection(decisions.Select(d =>
        {
            var id = TagDocument.Id(d.ArticleId, d.PlanId, d.Theme);
            if (d.Verdict == Verdict.Rejected)
            {
                return (IBulkOperation)new BulkDeleteOperation(id) { Index = index };
            }

            if (!articles.TryGetValue(d.ArticleId, out var a))
            {
                return null;
            }

            var tag = new TagDocument
            {
                ArticleId = d.ArticleId, PlanId = d.PlanId, PlanVersion = d.PlanVersion, ThemeCode = d.Theme, Score = 0, Outlet = a.Outlet, Section = a.Section,
                Day = a.Day, Week = a.Week, Month = a.Month, TaggedAt = now,
            };
            return new BulkCreateOperation<TagDocument>(tag) { Id = id, Index = index };
        }).OfType<IBulkOperation>()),
    };

    /// <summary>The items that failed: not a delete of a tag already gone, nor a create of a tag that exists.</summary>
    internal static List<BulkFailure> Failures(BulkResponse response) =>
        (response.Items ?? [])
            .Where(i => i.Error is not null && i.Status != NotFound && !(i.Status == Conflict && i.Error.Type == "version_conflict_engine_exception"))
            .Select(i => new BulkFailure((i.Id ?? "?").Split('|')[0], i.Index ?? "?", i.Id ?? "?", i.Status, i.Error!.Type ?? "error", i.Error.Reason ?? ""))
            .ToList();
}
