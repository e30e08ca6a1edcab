using System.Text.Json;
using Monitor.Storage.Crawl;

namespace Monitor.Storage.Tests;

/// <summary>The frontier's question "which of these URLs still need fetching", asked for a sitemap-sized batch in a few
/// set-based statements.</summary>
public sealed class CrawlFrontierTests
{
    [Fact]
    public async Task A_sitemap_sized_batch_returns_exactly_the_unfetched_urls_once_each_in_the_order_asked()
    {
        await using var store = await StoreFixture.CreateAsync();
        var state = new CrawlState(store.Db, TimeProvider.System);
        // 30,001 URLs, more than one statement's chunk: by i % 5 fetched, given up (3 failures), failed once, pending, unknown.
        var urls = Enumerable.Range(0, 30_001).Select(i => $"https://baokontum.com.vn/tin-{i}.html").ToList();
        await using (var connection = await store.Db.ConnectAsync(CancellationToken.None))
        {
            foreach (var (kind, status, attempts) in new[] { (0, "fetched", 1), (1, "failed", 3), (2, "failed", 1), (3, "pending", 0) })
            {
                await connection.ExecuteAsync("""
                    INSERT INTO frontier (url, source, first_seen, status, attempts) SELECT value, 's', '2026-12-07T00:00:00Z', $status, $attempts FROM json_each($urls)
                    """, CancellationToken.None, null, ("$urls", JsonSerializer.Serialize(urls.Where((_, i) => i % 5 == kind))), ("$status", status), ("$attempts", attempts));
            }
        }

        // And three through the crawler's own marks.
        await state.MarkFetchedAsync("https://x.vn/fetched", "s", "id", null, "hash", CancellationToken.None);
        for (var i = 0; i < CrawlState.MaxAttempts; i++)
        {
            await state.MarkFailedAsync("https://x.vn/given-up", "s", CancellationToken.None);
        }

        await state.MarkFailedAsync("https://x.vn/failed-once", "s", CancellationToken.None);
        // Asked in another order than stored, with repeats.
        var asked = urls.AsEnumerable().Reverse().Concat(urls.Take(100)).Concat(["https://x.vn/fetched", "https://x.vn/given-up", "https://x.vn/failed-once", "https://x.vn/new"]).ToList();

        var fresh = await state.UnfetchedAsync(asked, CancellationToken.None);

        var expected = urls.Select((u, i) => (u, i)).Reverse().Where(x => x.i % 5 is 2 or 3 or 4).Select(x => x.u).Concat(["https://x.vn/failed-once", "https://x.vn/new"]).ToList();
        Assert.Equal(expected.Count, fresh.Count);
        Assert.Equal(expected, fresh);
        Assert.Empty(await state.UnfetchedAsync([], CancellationToken.None));
    }
}
