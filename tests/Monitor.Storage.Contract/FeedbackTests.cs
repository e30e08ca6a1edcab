using Monitor.Core.Tagging;
using Monitor.Storage.Articles;
using Monitor.Storage.Coverage;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;
using static Monitor.Storage.Contract.CoverageFixture;

namespace Monitor.Storage.Contract;

/// <summary>Analysts' feedback in the answers of every store: a rejected theme is never counted, a confirmed or added
/// one is, and both hold when the tagger writes the article again (the scaled-out taggers write Elasticsearch directly).</summary>
public abstract class FeedbackTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly ICoverageBackend _backend;

    protected FeedbackTests(ICoverageBackend backend) => _backend = backend;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _backend.DisposeAsync().AsTask();

    [ContractFact]
    public async Task Rejected_themes_are_never_counted_and_added_ones_are_even_after_the_tagger_writes_the_article_again()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await FillAsync(store.Db);
        var coverage = await _backend.OpenAsync(store.Db);
        var feedback = _backend.Feedback(store.Db);

        // a2 (A, W46) is not about 1.3; a3 (A, W46) is also about 2.5; a4's 1.2 is right.
        await feedback.RecordAsync(plan.Id, Id("a2"), "1.3", Verdict.Rejected, "không liên quan", "analyst", Ct);
        await feedback.RecordAsync(plan.Id, Id("a3"), "2.5", Verdict.Added, null, "analyst", Ct);
        await feedback.RecordAsync(plan.Id, Id("a4"), "1.2", Verdict.Confirmed, null, "analyst", Ct);
        // The tagger fetches a2 and a3 again and still says what it said before.
        await _backend.Writer(store.Db).WriteAsync(Refetched(plan, ("a2", ["1.2", "1.3"]), ("a3", ["1.2"])), Ct);
        await _backend.SettleAsync();

        var report = await coverage.CoverageAsync(plan, new CoverageQuery(), Ct);
        var gaps = (await coverage.GapsAsync(plan, new DateOnly(2024, 11, 24), Ct)).Themes.ToDictionary(t => t.Code);
        var quotas = await coverage.QuotasAsync(plan, new DateOnly(2024, 12, 5), QuotaDetail.Counts, Ct);

        Assert.Equal(
            [new("1.2", A, "2024-W46", 2), new("1.2", A, "2024-W47", 1), new("1.3", B, "2024-W47", 1), new("1.3", B, "2024-W49", 1), new CoverageCell("2.5", A, "2024-W46", 1)],
            report.Cells);
        Assert.Equal((GapKind.SingleOutlet, B), (gaps["1.3"].Kind, Assert.Single(gaps["1.3"].Outlets)));
        Assert.Equal((GapKind.SingleOutlet, A), (gaps["2.5"].Kind, Assert.Single(gaps["2.5"].Outlets)));
        // Outlet A's monthly 1.3 column counted a2 only: rejected, it counts nothing.
        Assert.Equal((A, 0), (quotas[2].Outlet, quotas[2].Delivered));
    }

    /// <summary>The fixture's articles fetched a day later, tagged with the given themes by the tagger.</summary>
    private static TaggedBatch Refetched(StoredPlan plan, params (string Name, string[] Themes)[] articles)
    {
        var list = articles.Select(x =>
        {
            var a = CoverageFixture.Articles.Single(f => f.Name == x.Name);
            return Article(a.Name, a.Outlet, a.Section, a.Published) with { FetchedAt = a.Published.AddDays(1) };
        }).ToList();
        var results = articles.Select((x, i) => new[] { new TagResult(list[i].Id, list[i].Outlet, x.Themes.Select(c => new ThemeMatch(c, 1.0, [])).ToList(), []) }).ToArray();
        return new TaggedBatch(list, list.Select(a => SearchText.Of(a)).ToList(), [(plan.Id, plan.Version)], results);
    }
}
