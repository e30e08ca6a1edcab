namespace Monitor.Crawlers.Fetching;

/// <summary>Limits and politeness every fetch obeys (configuration section "Monitor:Fetch", environment
/// <c>Monitor__Fetch__Name</c>).</summary>
public sealed class FetchOptions
{
    public const string Section = "Monitor:Fetch";

    /// <summary>The product token robots.txt groups are matched against.</summary>
    public const string RobotsToken = "MonitorBot";

    /// <summary>How long one request may take, headers and body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest body read (after gzip); a larger page is refused rather than truncated silently.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>8 MiB: also the limit of a saved page given to <c>monitor extract</c>.</summary>
    public const long DefaultMaxBytes = 8 * 1024 * 1024;

    /// <summary>Identifies the crawler to site operators, with whom to contact.</summary>
    public string UserAgent { get; set; } = "MonitorBot/1.0 (+press coverage monitor of a provincial press department)";

    /// <summary>Minimum time between two requests to one host (robots.txt Crawl-delay raises it).</summary>
    public TimeSpan MinDelayPerHost { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>At most this many requests at once to one host.</summary>
    public int MaxConcurrencyPerHost { get; set; } = 2;

    /// <summary>At most this many requests at once across all hosts.</summary>
    public int MaxConcurrency { get; set; } = 8;

    public int MaxRedirects { get; set; } = 5;

    /// <summary>Tries per request when the server throttles (429/503), fails (5xx) or times out.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First back-off; doubled at each further try.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A Retry-After longer than this is not waited for: the host is paused until then instead.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Requests in a row that fail on one host before it is paused.</summary>
    public int FailuresBeforePause { get; set; } = 5;

    public TimeSpan PauseFor { get; set; } = TimeSpan.FromHours(6);

    public bool ObeyRobots { get; set; } = true;

    public TimeSpan RobotsTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Article pages one scheduled run of one source fetches at most (revisits included); the rest wait in
    /// the frontier for the next run. At the default 2 s per host, 500 pages are about 17 minutes, inside the default
    /// 30-minute schedule; a 100,000-entry sitemap is then read over days instead of one 55-hour run. A source may set
    /// its own (<c>politeness: max_pages_per_run</c>); a back-fill (<c>crawl --since</c>) has none.</summary>
    public int MaxPagesPerRun { get; set; } = DefaultMaxPagesPerRun;

    public const int DefaultMaxPagesPerRun = 500;

    /// <summary>The largest budget a setting or a source may ask for.</summary>
    public const int MaxPagesPerRunLimit = 100_000;

    /// <summary>Lets the crawler connect to loopback, private, link-local and other internal addresses. Off for real
    /// crawls (a feed or a redirect must not reach a service inside the network); the demo, the sample site, benches
    /// and tests turn it on because they run on 127.0.0.1.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Internal endpoints allowed one by one ("10.0.0.5:80"), the rest staying refused.</summary>
    public IList<string> AllowedPrivateEndpoints { get; } = [];

    /// <summary>Stops the process at start with a message naming the bad setting.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (Timeout <= TimeSpan.Zero) errors.Add($"Fetch:Timeout = {Timeout} phải lớn hơn 0");
        if (MaxBytes < 1024) errors.Add($"Fetch:MaxBytes = {MaxBytes} phải ít nhất 1024");
        if (MinDelayPerHost < TimeSpan.Zero) errors.Add($"Fetch:MinDelayPerHost = {MinDelayPerHost} không được âm");
        if (MaxConcurrencyPerHost < 1) errors.Add($"Fetch:MaxConcurrencyPerHost = {MaxConcurrencyPerHost} phải ít nhất 1");
        if (MaxConcurrency < MaxConcurrencyPerHost) errors.Add($"Fetch:MaxConcurrency = {MaxConcurrency} phải ít nhất bằng MaxConcurrencyPerHost");
        if (MaxRedirects is < 0 or > 20) errors.Add($"Fetch:MaxRedirects = {MaxRedirects} phải trong khoảng 0..20");
        if (MaxAttempts < 1) errors.Add($"Fetch:MaxAttempts = {MaxAttempts} phải ít nhất 1");
        if (FailuresBeforePause < 1) errors.Add($"Fetch:FailuresBeforePause = {FailuresBeforePause} phải ít nhất 1");
        if (MaxPagesPerRun is < 1 or > MaxPagesPerRunLimit) errors.Add($"Fetch:MaxPagesPerRun = {MaxPagesPerRun} phải trong khoảng 1..{MaxPagesPerRunLimit}");
        foreach (var endpoint in AllowedPrivateEndpoints.Where(e => !System.Net.IPEndPoint.TryParse(e, out var p) || p.Port == 0))
        {
            errors.Add($"Fetch:AllowedPrivateEndpoints '{endpoint}' phải là địa chỉ IP:cổng");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors));
        }
    }
}
