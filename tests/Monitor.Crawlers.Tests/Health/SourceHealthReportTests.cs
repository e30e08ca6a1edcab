using Monitor.Storage;
using Monitor.Storage.Crawl;
using Monitor.Tests.Shared;

namespace Monitor.Crawlers.Tests.Health;

public sealed class SourceHealthReportTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2024, 11, 1, 0, 0, 0, TimeSpan.Zero));
    private MonitorDatabase _db = null!;
    private CrawlState _state = null!;

    public async Task InitializeAsync()
    {
        _db = await MonitorDatabase.OpenAsync(_dir.Path, CancellationToken.None);
        _state = new CrawlState(_db, _time);
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }

    // A source that finds an article every two hours.
    private async Task RegularAsync(string source, int articles)
    {
        for (var i = 0; i < articles; i++)
        {
            await _state.MarkFetchedAsync($"https://{source}.vn/bai-{i}.html", source, $"id-{source}-{i}", _time.Now, "h", CancellationToken.None);
            await _state.RecordSuccessAsync(source, 1, CancellationToken.None);
            _time.Now += TimeSpan.FromHours(2);
        }
    }

    private async Task<SourceHealthLine> LineAsync(string source) =>
        Assert.Single(await new SourceHealthReport(_db, _time).ComputeAsync([], CancellationToken.None), l => l.Source == source);

    [Fact]
    public async Task A_source_on_its_rhythm_is_healthy_with_its_articles_per_day()
    {
        await RegularAsync("deu", 120);

        var line = await LineAsync("deu");

        Assert.False(line.Silent);
        Assert.False(line.Drift);
        Assert.Equal(TimeSpan.FromHours(2), line.UsualGap);
        Assert.Equal(12, line.ArticlesPerDay, 1);
    }

    [Fact]
    public async Task A_source_silent_for_much_longer_than_its_rhythm_is_reported()
    {
        await RegularAsync("im", 60);
        _time.Now += TimeSpan.FromHours(3);
        Assert.False((await LineAsync("im")).Silent);

        _time.Now += TimeSpan.FromHours(2);
        Assert.True((await LineAsync("im")).Silent);
    }

    [Fact]
    public async Task Sudden_extraction_failures_are_drift_and_errors_are_counted_by_kind()
    {
        await RegularAsync("troi", 60);
        Assert.False((await LineAsync("troi")).Drift);
        for (var i = 0; i < 12; i++)
        {
            await _state.RecordEventAsync("troi", "extraction-empty", "trang không có bài", CancellationToken.None);
            _time.Now += TimeSpan.FromHours(2);
        }

        for (var i = 0; i < 4; i++)
        {
            await _state.RecordEventAsync("troi", "timeout", "quá thời gian", CancellationToken.None);
        }

        await _state.RecordEventAsync("troi", "http-4xx", "HTTP 404", CancellationToken.None);
        var line = await LineAsync("troi");

        Assert.True(line.Drift);
        Assert.Equal(12, line.EmptyBodies);
        Assert.Equal(new Dictionary<string, int> { ["timeout"] = 4, ["http-4xx"] = 1 }, line.ErrorsByKind);
    }

    [Fact]
    public async Task A_source_of_the_sources_file_never_crawled_is_listed()
    {
        var line = Assert.Single(await new SourceHealthReport(_db, _time).ComputeAsync(["moi"], CancellationToken.None));

        Assert.Equal("moi", line.Source);
        Assert.Null(line.LastAttempt);
    }
}
