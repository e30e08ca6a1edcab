using Monitor.Crawlers.Discovery;
using Monitor.Crawlers.Fetching;
using Monitor.Crawlers.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Crawl;
using Monitor.Tests.Shared;

namespace Monitor.Crawlers.Tests.Fetching;

public sealed class HttpFetcherTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private HttpClient _http = null!;
    private MisbehavingServer _server = null!;
    private CrawlState _state = null!;

    public async Task InitializeAsync()
    {
        _server = await MisbehavingServer.StartAsync();
        _http = new HttpClient(_server.ClientHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        _state = new CrawlState(await MonitorDatabase.OpenAsync(_dir.Path, CancellationToken.None), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        _dir.Dispose();
    }

    private HttpFetcher Fetcher(Action<FetchOptions>? change = null)
    {
        var options = new FetchOptions
        {
            Timeout = TimeSpan.FromSeconds(5), MinDelayPerHost = TimeSpan.Zero, MaxAttempts = 3, BackoffBase = TimeSpan.FromMilliseconds(50),
            FailuresBeforePause = 2, MaxRetryAfter = TimeSpan.FromSeconds(5),
        };
        change?.Invoke(options);
        return new HttpFetcher(_http, options, _state, TimeProvider.System);
    }

    private async Task<FetchException> FailsAsync(HttpFetcher fetcher, string path, FetchKind kind = FetchKind.Page) =>
        await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(_server.Url(path), kind, null, CancellationToken.None));

    [Fact]
    public async Task A_path_robots_txt_disallows_is_never_requested_and_its_allow_exception_is()
    {
        var fetcher = Fetcher();

        var e = await FailsAsync(fetcher, "/cam/trang.html");
        var allowed = await fetcher.GetAsync(_server.Url("/cam/duoc-phep.html"), CancellationToken.None);

        Assert.Equal("robots", e.Kind);
        Assert.Contains("robots.txt", e.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Hits("/cam/trang.html"));
        Assert.Contains("ok", allowed.Content, StringComparison.Ordinal);
        Assert.Single(_server.Hits("/robots.txt"));
    }

    [Fact]
    public async Task Workers_reaching_a_new_host_together_ask_for_its_robots_txt_once()
    {
        var fetcher = Fetcher(o => o.MaxConcurrencyPerHost = 4);

        var pages = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fetcher.GetAsync(_server.Url("/cam/duoc-phep.html"), CancellationToken.None)));

        Assert.All(pages, p => Assert.Contains("ok", p.Content, StringComparison.Ordinal));
        Assert.Single(_server.Hits("/robots.txt"));
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried_after_the_time_it_asks()
    {
        var document = await Fetcher().GetAsync(_server.Url("/throttled"), CancellationToken.None);

        Assert.Equal("ok", document.Content);
        var hits = _server.Hits("/throttled");
        Assert.Equal(2, hits.Count);
        Assert.True(hits[1] - hits[0] >= TimeSpan.FromMilliseconds(900), $"retried after {(hits[1] - hits[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_limit_pauses_the_host_in_the_store_and_later_requests_do_not_reach_it()
    {
        var fetcher = Fetcher();

        var first = await FailsAsync(fetcher, "/long-retry");
        var second = await FailsAsync(fetcher, "/ok.html");

        Assert.Contains("tạm dừng", first.Message, StringComparison.Ordinal);
        Assert.Single(_server.Hits("/long-retry"));
        Assert.Equal("paused", second.Kind);
        Assert.Empty(_server.Hits("/ok.html"));
        var paused = Assert.Single(await _state.PausedHostsAsync(CancellationToken.None));
        Assert.Equal(new Uri(_server.BaseUrl).Authority, paused.Host);
    }

    [Fact]
    public async Task A_failing_host_is_retried_with_back_off_then_paused_after_repeated_failures()
    {
        var fetcher = Fetcher();

        var first = await FailsAsync(fetcher, "/always-503");
        Assert.Equal(3, _server.Hits("/always-503").Count);
        Assert.DoesNotContain("tạm dừng", first.Message, StringComparison.Ordinal);
        var second = await FailsAsync(fetcher, "/always-503");

        Assert.Contains("tạm dừng", second.Message, StringComparison.Ordinal);
        Assert.Equal("paused", (await FailsAsync(fetcher, "/ok.html")).Kind);
    }

    [Theory]
    [InlineData("/loop-a", "vòng chuyển hướng", "redirects")]
    [InlineData("/chain/1", "quá 5 lần chuyển hướng", "redirects")]
    [InlineData("/to-ftp", "chỉ tải địa chỉ http và https", "scheme")]
    [InlineData("/truncated", "cắt giữa chừng", "truncated")]
    [InlineData("/huge", "vượt giới hạn 1048576 byte", "too-large")]
    public async Task A_misbehaving_answer_is_one_error_line_of_its_kind(string path, string message, string kind)
    {
        var e = await FailsAsync(Fetcher(o => (o.MaxAttempts, o.MaxBytes) = (1, 1024 * 1024)), path);

        Assert.Equal(kind, e.Kind);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task A_short_redirect_chain_is_followed_to_its_end()
    {
        var document = await Fetcher().GetAsync(_server.Url("/chain/7"), CancellationToken.None);

        Assert.Equal("cuối", document.Content);
        Assert.Equal(_server.Url("/chain/10"), document.FinalUrl);
    }

    [Fact]
    public async Task A_slow_answer_times_out_with_the_limit_named()
    {
        var e = await FailsAsync(Fetcher(o => (o.Timeout, o.MaxAttempts) = (TimeSpan.FromSeconds(1), 1)), "/slow");

        Assert.Equal("timeout", e.Kind);
        Assert.Contains("trong 1 giây", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/vn-1258")]
    [InlineData("/meta-1258")]
    [InlineData("/said-utf8-is-1258")]
    [InlineData("/said-latin1-is-utf8")]
    public async Task Vietnamese_text_is_decoded_whatever_the_charset_and_its_label(string path)
    {
        var document = await Fetcher().GetAsync(_server.Url(path), CancellationToken.None);

        Assert.Contains(MisbehavingServer.Vietnamese.Normalize(System.Text.NormalizationForm.FormC), document.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_is_fetched_conditionally_and_an_unchanged_one_comes_back_not_modified()
    {
        var fetcher = Fetcher();

        var first = await fetcher.GetAsync(_server.Url("/feed.xml"), FetchKind.Feed, null, CancellationToken.None);
        var second = await fetcher.GetAsync(_server.Url("/feed.xml"), FetchKind.Feed, null, CancellationToken.None);

        Assert.False(first.NotModified);
        Assert.Contains("<rss", first.Content, StringComparison.Ordinal);
        Assert.True(second.NotModified);
        Assert.Equal(2, _server.Hits("/feed.xml").Count);
    }

    [Fact]
    public async Task A_gzipped_sitemap_is_unpacked_and_read()
    {
        var document = await Fetcher().GetAsync(_server.Url("/sitemap.xml.gz"), FetchKind.Sitemap, null, CancellationToken.None);

        var page = Assert.Single(SitemapReader.Read(document.Content, document.FinalUrl).Pages);
        Assert.Equal(_server.Url("/ok.html"), page.Link);
    }

    [Fact]
    public async Task Requests_to_one_host_start_at_least_the_minimum_delay_apart()
    {
        // Four allowed at once, so every request waits only for its time. The gate's own clock: the clock moves only when
        // every request not yet let through is parked on its timer, so
        // each start is read at the instant the gate let it go (a loaded machine cannot shift one reading and not the
        // other, as arrival times at a server could).
        var clock = new ManualTimers(new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero));
        var gate = new HostGate(new FetchOptions(), clock);
        var starts = new System.Collections.Concurrent.ConcurrentBag<DateTimeOffset>();
        var requests = Enumerable.Range(0, 4).Select(async _ =>
        {
            using var turn = await gate.EnterAsync("127.0.0.1", TimeSpan.FromMilliseconds(300), 4, CancellationToken.None);
            starts.Add(clock.GetUtcNow());
        }).ToList();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (starts.Count < 4)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{starts.Count} of 4 requests let through");
            var (count, next) = clock.Pending;
            if (next is { } due && count == 4 - starts.Count)
            {
                clock.Advance(due - clock.GetUtcNow());
            }
            else
            {
                await Task.Yield();
            }
        }

        await Task.WhenAll(requests);
        var ordered = starts.Order().ToList();
        Assert.All(ordered.Zip(ordered.Skip(1)), p => Assert.True(p.Second - p.First >= TimeSpan.FromMilliseconds(300), $"{(p.Second - p.First).TotalMilliseconds} ms apart"));
    }

    [Fact]
    public async Task Requests_to_one_host_through_the_fetcher_all_arrive_and_are_spaced_on_the_wire()
    {
        // The fetcher puts every request through the gate: four concurrent fetches (two allowed at once) are spread over
        // three delays of 300 ms, not sent together. The exact spacing is the gate's test above; arrival times at a server
        // carry the machine's jitter, so this asserts only a spread no unspaced burst could have.
        var fetcher = Fetcher(o => (o.MinDelayPerHost, o.MaxConcurrencyPerHost) = (TimeSpan.FromMilliseconds(300), 2));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fetcher.GetAsync(_server.Url("/ok.html"), CancellationToken.None)));

        var hits = _server.Hits("/ok.html").Order().ToList();
        Assert.Equal(4, hits.Count);
        Assert.True(hits[^1] - hits[0] >= TimeSpan.FromMilliseconds(300), $"{(hits[^1] - hits[0]).TotalMilliseconds} ms from first to last");
    }

    [Fact]
    public async Task A_host_whose_robots_txt_cannot_be_read_is_not_fetched_and_the_error_names_the_real_cause()
    {
        var closed = new Uri("http://127.0.0.1:9/tin.html");

        var e = await Assert.ThrowsAsync<FetchException>(() => Fetcher().GetAsync(closed, CancellationToken.None));

        Assert.Equal("connection", e.Kind);
        Assert.StartsWith("http://127.0.0.1:9/tin.html: không đọc được robots.txt của 127.0.0.1:9", e.Message, StringComparison.Ordinal);
    }
}
