using Microsoft.Data.Sqlite;
using Monitor.Core.Learning;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Storage.Articles;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Tests;

/// <summary>The review queue reads each theme's front of its indexes (schema step 18) instead of every pair: what it
/// lists and counts must be what ranking every stored pair lists and counts.</summary>
public sealed class ReviewQueueBoundedTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly string[] Outlets = ["Báo Kon Tum", "Đài Kon Tum", "Báo Gia Lai"];

    [Fact]
    public async Task The_bounded_read_lists_and_counts_what_ranking_every_stored_pair_gives_under_every_filter_and_limit()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await new PlanStore(store.Db, TimeProvider.System).SaveAsync(new Plan
        {
            Id = "w46",
            Themes = [Theme("1.2"), Theme("2.5"), Theme("3.1")],
        }, Ct);
        await FillAsync(store, new Random(46));
        var queue = new ReviewQueue(store.Db);

        ReviewFilter[] filters =
        [
            new(null, null, null, 500), new(null, null, null, 1), new(null, null, null, 7), new(null, null, null, 40),
            new("2.5", null, null, 9), new(null, "Đài Kon Tum", null, 12), new(null, null, ["Báo Kon Tum", "Báo Gia Lai"], 25),
            new("1.2", "Báo Gia Lai", ["Báo Gia Lai"], 5),
        ];
        foreach (var filter in filters)
        {
            var page = await queue.ListAsync(plan, filter, Ct);
            var (total, expected) = await RankEveryPairAsync(store, filter);

            Assert.True(expected.Count > 0, $"{filter}: the fixture gives this filter pairs");
            Assert.Equal(total, page.Total);
            Assert.Equal(expected, page.Items.Select(i => (i.ArticleId, i.Theme, i.Grade, i.Doubt)));
        }
    }

    [Fact]
    public void The_queue_clamps_scores_at_the_matchers_threshold_as_its_indexes_do()
    {
        Assert.Equal(ReviewQueue.Threshold, ScoringOptions.Default.Threshold);
    }

    [Fact]
    public async Task The_queues_reads_go_through_the_review_indexes_and_scan_no_table()
    {
        await using var store = await StoreFixture.CreateAsync();
        await using var connection = await store.Db.ConnectAsync(Ct);
        foreach (var sql in new[] { ReviewCandidates.Pairs, ReviewCandidates.Count })
        {
            await using var command = connection.Command("EXPLAIN QUERY PLAN " + sql, null, ("$plan", "w46"), ("$themes", "[\"1.2\"]"), ("$outlet", null),
                ("$outlets", null), ("$demote", 0.4), ("$promote", 0.7), ("$limit", 50));
            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(3));
            }

            foreach (var index in new[] { "tags_review ", "tags_review_learnt", "tag_mentions_review ", "tag_mentions_review_learnt" })
            {
                Assert.Contains(plan, step => (step + " ").Contains(index, StringComparison.Ordinal));
            }

            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN s", StringComparison.Ordinal) || step.StartsWith("SCAN tags", StringComparison.Ordinal));
        }
    }

    private static Theme Theme(string code) => new() { Code = code, Title = "Chủ đề " + code, Keywords = ["chủ đề " + code] };

    // 240 articles: one to three themes each, grades and scores in quarter steps from 0.75 to 4.5 (many ties, both ends of the
    // clamp), a probability on about half the pairs, rounded to 0.05 (ties on both sides of each line), and decisions on some.
    private static async Task FillAsync(StoreFixture store, Random random)
    {
        string[] themes = ["1.2", "2.5", "3.1"];
        var feedback = new FeedbackStore(store.Db, TimeProvider.System);
        for (var n = 0; n < 240; n++)
        {
            var outlet = Outlets[random.Next(Outlets.Length)];
            var article = StoreFixture.Article($"https://baokontum.vn/r{n}.html", $"Tin {n}", "Nội dung chủ đề 1.2 và chủ đề 2.5.") with { Outlet = outlet };
            await store.UpsertAsync(article);
            var matches = themes.Where(_ => random.Next(3) > 0).Select(code =>
            {
                string[] grades = [ThemeGrade.Primary, ThemeGrade.Partial, ThemeGrade.Mention];
                var match = new ThemeMatch(code, 0.75 + (0.25 * random.Next(16)), [new("chủ đề", 0, 6, "text")], grades[random.Next(3)]);
                return random.Next(2) == 0 ? match with { Relevance = Math.Round(random.Next(21) * 0.05, 2) } : match;
            }).ToArray();
            await using (var connection = await store.Db.ConnectAsync(Ct))
            await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct))
            {
                await ArticleWriter.ReplaceTagsAsync(connection, tx, "w46", 1, new TagResult(article.Id, outlet, matches, []), DateTimeOffset.UnixEpoch, Ct);
                await tx.CommitAsync(Ct);
            }

            if (matches.Length > 0 && random.Next(8) == 0)
            {
                await feedback.RecordAsync("w46", article.Id, matches[0].Code, random.Next(2) == 0 ? Verdict.Confirmed : Verdict.Rejected, null, "analyst", Ct);
            }
        }
    }

    // Every stored pair read plainly, the decided ones, doubt 0 and other outlets left out here, ranked by ReviewPriority.
    private static async Task<(int Total, List<(string, string, string, double)> First)> RankEveryPairAsync(StoreFixture store, ReviewFilter filter)
    {
        var pairs = new List<(string Article, string Theme, string Grade, double Doubt)>();
        await using var connection = await store.Db.ConnectAsync(Ct);
        await using var command = connection.Command("""
            SELECT t.article_id, t.theme_code, t.grade, t.score, t.relevance, a.outlet,
                   EXISTS (SELECT 1 FROM feedback f WHERE f.plan_id = 'w46' AND f.article_id = t.article_id AND f.theme_code = t.theme_code)
            FROM (SELECT article_id, theme_code, grade, score, relevance FROM tags WHERE plan_id = 'w46'
                  UNION ALL SELECT article_id, theme_code, 'mention', score, relevance FROM tag_mentions WHERE plan_id = 'w46') t
            JOIN articles a ON a.id = t.article_id
            """);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            var doubt = ReviewPriority.Doubt(reader.GetString(2), reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetDouble(4), 0.4, 0.7);
            var outlet = reader.GetString(5);
            if (doubt > 0 && reader.GetInt64(6) == 0 && (filter.Theme is null || filter.Theme == reader.GetString(1))
                && (filter.Outlet is null || filter.Outlet == outlet) && (filter.Outlets is null || filter.Outlets.Contains(outlet)))
            {
                pairs.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), doubt));
            }
        }

        var first = ReviewPriority.Interleave(pairs, p => p.Theme, p => p.Doubt, p => p.Article).Take(filter.Limit).Select(p => (p.Article, p.Theme, p.Grade, p.Doubt)).ToList();
        return (pairs.Count, first);
    }
}
