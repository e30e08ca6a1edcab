using Monitor.Core.Learning;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Core.Time;
using Monitor.Storage.Articles;

namespace Monitor.Storage.Plans;

/// <summary>What a re-tag did.</summary>
public sealed record RetagSummary(DateOnly? From, DateOnly? To, long Articles, long Tagged, long Tags);

/// <summary>Re-tags the stored articles published inside a plan's windows against one stored plan version
/// (ARCHITECTURE.md, "Re-tagging": from the store, not by replaying a stream). Each article's tags of that plan are
/// replaced, tags of older versions left on articles now outside the windows are removed, so running it twice
/// leaves the same tags.</summary>
public sealed class PlanRetagger(MonitorDatabase db, TimeProvider time) : IStoreRetagger
{
    private const int PageSize = 500;

    public string Store => "SQLite";

    /// <summary>The re-tag without a review stage.</summary>
    public Task<RetagSummary> RetagAsync(StoredPlan plan, IProgress<(long Done, long Total)>? progress, CancellationToken ct) => RetagAsync(plan, null, progress, ct);

    /// <param name="review">An optional last stage over each article's result (the language model's second opinion,
    /// docs/tagging.md), run before the page's transaction so no store lock is held while it waits.</param>
    /// <param name="progress">Gets (articles done, articles in the windows) after every page.</param>
    public async Task<RetagSummary> RetagAsync(StoredPlan plan, IRetagReview? review, IProgress<(long Done, long Total)>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var matcher = new PlanMatcher(plan.Plan);
        // The plan's learnt relevance model, when one was trained, is the second stage after the matcher (docs/tagging.md).
        var model = await new Learning.RelevanceModels(db, time).FindAsync(plan.Id, ct);
        var (fromDay, toDay) = Span(plan.Plan);
        DateTimeOffset? from = fromDay is { } f ? VietnamTime.StartOfDay(f) : null;
        DateTimeOffset? to = toDay is { } t ? VietnamTime.StartOfDay(t.AddDays(1)) : null;
        var reader = new ArticleReader(db);
        var total = await reader.CountPublishedAsync(from, to, ct);
        progress?.Report((0, total));
        long done = 0, tagged = 0, tags = 0, after = 0;
        while (true)
        {
            var page = await reader.PublishedPageAsync(from, to, after, PageSize, ct);
            if (page.Count == 0)
            {
                break;
            }

            var results = page.Select(p => matcher.Tag(p.Article, model)).ToList();
            for (var i = 0; review is not null && i < results.Count; i++)
            {
                results[i] = await review.ReviewAsync(page[i].Article, results[i], ct);
            }

            await using (var connection = await db.ConnectAsync(ct))
            await using (var tx = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(ct))
            {
                var now = time.GetUtcNow();
                foreach (var result in results)
                {
                    await ArticleWriter.ReplaceTagsAsync(connection, tx, plan.Id, plan.Version, result, now, ct);
                }

                await tx.CommitAsync(ct);
            }

            done += page.Count;
            tagged += results.Count(r => r.Themes.Any(t => t.Counts));
            tags += results.Sum(r => r.Themes.Count(t => t.Counts));
            after = page[^1].Seq;
            progress?.Report((done, total));
        }

        // Every article inside the windows now carries this version's tags (or none): what is left of older versions
        // sits on articles the edited windows no longer cover.
        await using (var connection = await db.ConnectAsync(ct))
        {
            await connection.ExecuteAsync("DELETE FROM tags WHERE plan_id = $plan AND plan_version <> $version", ct, null,
                ("$plan", plan.Id), ("$version", plan.Version));
            await connection.ExecuteAsync("DELETE FROM tag_mentions WHERE plan_id = $plan AND plan_version <> $version", ct, null,
                ("$plan", plan.Id), ("$version", plan.Version));
        }

        return new RetagSummary(fromDay, toDay, done, tagged, tags);
    }

    /// <summary>The days the plan's themes cover together; an end is open (null) when any theme leaves it open.</summary>
    public static (DateOnly? From, DateOnly? To) Span(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Themes.Count == 0)
        {
            return (null, null);
        }

        var from = plan.Themes.Any(t => t.Window.From is null) ? null : plan.Themes.Min(t => t.Window.From);
        var to = plan.Themes.Any(t => t.Window.To is null) ? null : plan.Themes.Max(t => t.Window.To);
        return (from, to);
    }
}
