using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Monitor.Core.Time;
using Monitor.Crawlers.Sources;
using Monitor.Storage.Crawl;

namespace Monitor.Crawlers.Fetching;

/// <summary>Fetches pages, feeds and sitemaps politely: robots.txt (cached, Crawl-delay honoured), per-host and
/// global limits, 429/503 Retry-After and exponential back-off, a host paused in the store after repeated
/// failures; conditional GET for feeds and sitemaps; bounded redirects, size and time limits, http(s) only;
/// gzip bodies unpacked; charset detection through <see cref="PageDecoder"/>. Internal addresses are refused by the
/// <see cref="AddressGuard"/> of the client's handler (<see cref="CreateClient"/>).</summary>
public sealed class HttpFetcher(HttpClient http, FetchOptions options, CrawlState state, TimeProvider time)
{
    private readonly HostGate _gate = new(options, time);
    private readonly ConcurrentDictionary<string, (RobotsTxt Robots, DateTimeOffset Expires)> _robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _robotsFetches = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The client a fetcher needs: redirects left to the fetcher (it bounds and checks every hop), bodies
    /// decompressed, connections only where the <see cref="AddressGuard"/> of <paramref name="options"/> allows.</summary>
    /// <param name="handler">A handler of the caller's (the sample site's maps its names to 127.0.0.1).</param>
    public static HttpClient CreateClient(FetchOptions options, SocketsHttpHandler? handler = null)
    {
        var h = AddressGuard.For(options).Install(handler ?? new SocketsHttpHandler());
        h.AllowAutoRedirect = false;
        h.AutomaticDecompression = DecompressionMethods.All;
        h.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
        return new HttpClient(h) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Kept for callers decoding files from disk.</summary>
    public static string Decode(byte[] bytes, string? headerCharset) => PageDecoder.Decode(bytes, headerCharset);

    /// <summary>Requests at once allowed on one host for a source with these overrides (the gate enforces it; a
    /// crawler uses it to size its workers).</summary>
    public int ConcurrencyFor(PolitenessOverrides? politeness) => Math.Max(1, politeness?.MaxConcurrency ?? options.MaxConcurrencyPerHost);

    /// <summary>Pages one scheduled run of a source with these overrides may fetch.</summary>
    public int PagesPerRunFor(PolitenessOverrides? politeness) => Math.Max(1, politeness?.MaxPagesPerRun ?? options.MaxPagesPerRun);

    public Task<FetchedDocument> GetAsync(Uri url, CancellationToken ct) => GetAsync(url, FetchKind.Page, null, ct);

    /// <summary>Fetches <paramref name="url"/>. Redirects on its host are followed within one turn of the host's gate; a
    /// redirect to another host goes through that host's checks as a fetch of its own (pause, robots.txt, politeness),
    /// so a redirect can lead the crawler nowhere a direct link could not.</summary>
    public async Task<FetchedDocument> GetAsync(Uri url, FetchKind kind, PolitenessOverrides? politeness, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        RequireHttp(url);
        var validators = kind == FetchKind.Page ? default : await state.ValidatorsAsync(url.ToString(), ct);
        var trail = new RedirectTrail(url, options.MaxRedirects);
        for (var target = url; ;)
        {
            var answer = await GetOnHostAsync(url, target, trail, validators, politeness, ct);
            if (answer.Document is not { } document)
            {
                target = answer.Elsewhere!;
                continue;
            }

            if (kind != FetchKind.Page && !document.NotModified)
            {
                await state.SaveValidatorsAsync(url.ToString(), answer.ETag, answer.LastModified, ct);
            }

            return document;
        }
    }

    /// <summary>One host's part of a fetch: its pause, its robots.txt, its gate, retries with back-off.</summary>
    private async Task<Answer> GetOnHostAsync(Uri url, Uri target, RedirectTrail trail, (string? ETag, string? LastModified) validators,
        PolitenessOverrides? politeness, CancellationToken ct)
    {
        var host = target.Authority;
        // A fetch that reached this host by a redirect says so: the address asked for is not the one refused.
        var what = target == url ? url.ToString() : $"{url} (chuyển hướng đến {target})";
        if (await state.HostPausedUntilAsync(host, ct) is { } paused && paused > time.GetUtcNow())
        {
            throw new FetchException($"{what}: máy chủ {host} đang tạm dừng đến {VietnamTime.ToLocal(paused):dd/MM/yyyy HH:mm} vì lỗi liên tiếp", "paused");
        }

        var robots = await RobotsAsync(target, ct);
        if (robots.Failure is { Kind: "refused", InnerException: { } refusal })
        {
            throw new FetchException($"{what}: {refusal.Message}", "refused", refusal);
        }

        if (robots.Failure is { } unreadable)
        {
            throw new FetchException($"{what}: không đọc được robots.txt của {host} nên tạm không tải máy chủ này ({unreadable.Message})", unreadable.Kind);
        }

        if (!robots.Allows(target))
        {
            throw new FetchException($"{what}: robots.txt của {host} không cho phép tải", "robots");
        }

        var delay = Max(politeness?.MinDelaySeconds is { } s ? TimeSpan.FromSeconds(s) : options.MinDelayPerHost, robots.CrawlDelay ?? TimeSpan.Zero);
        var concurrency = ConcurrencyFor(politeness);
        var arrived = trail.Length;
        for (var attempt = 1; ; attempt++)
        {
            // A retry starts again from where this host was reached: its redirects are not a loop.
            trail.Rewind(arrived);
            TimeSpan? retryIn;
            FetchException failure;
            using (await _gate.EnterAsync(host, delay, concurrency, ct))
            {
                try
                {
                    var answer = await SendAsync(url, target, trail, validators, options.Timeout, followElsewhere: false, ct);
                    await state.RecordHostSuccessAsync(host, ct);
                    return answer;
                }
                catch (RetryableException e)
                {
                    failure = e.Failure;
                    retryIn = e.RetryAfter;
                }
            }

            var backoff = retryIn ?? Min(options.BackoffBase * Math.Pow(2, attempt - 1), TimeSpan.FromMinutes(5));
            if (retryIn > options.MaxRetryAfter)
            {
                var until = time.GetUtcNow() + retryIn.Value;
                await state.PauseHostAsync(host, until, failure.Message, ct);
                throw new FetchException($"{failure.Message}; máy chủ yêu cầu chờ {retryIn.Value.TotalMinutes:0} phút, tạm dừng đến {VietnamTime.ToLocal(until):dd/MM/yyyy HH:mm}", failure.Kind);
            }

            if (attempt >= options.MaxAttempts)
            {
                if (await state.RecordHostFailureAsync(host, failure.Message, options.FailuresBeforePause, options.PauseFor, ct) is { } pausedUntil)
                {
                    throw new FetchException($"{failure.Message}; máy chủ {host} tạm dừng đến {VietnamTime.ToLocal(pausedUntil):dd/MM/yyyy HH:mm}", failure.Kind);
                }

                throw failure;
            }

            _gate.Postpone(host, time.GetUtcNow() + backoff);
        }
    }

    /// <summary>The robots.txt of the URL's host, from the cache or fetched (404: all allowed; unreachable or 5xx:
    /// nothing allowed until the next try, as RFC 9309 says).</summary>
    public async Task<RobotsTxt> RobotsAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!options.ObeyRobots)
        {
            return RobotsTxt.AllowAll;
        }

        var key = url.Scheme + "://" + url.Authority;
        if (_robots.TryGetValue(key, out var cached) && cached.Expires > time.GetUtcNow())
        {
            return cached.Robots;
        }

        // One fetch of a host's robots.txt at a time: the workers of a source that reach a new host together wait
        // for the first one's answer instead of each asking for the file.
        var single = _robotsFetches.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await single.WaitAsync(ct);
        try
        {
            if (_robots.TryGetValue(key, out cached) && cached.Expires > time.GetUtcNow())
            {
                return cached.Robots;
            }

            return await FetchRobotsAsync(url, key, ct);
        }
        finally
        {
            single.Release();
        }
    }

    private async Task<RobotsTxt> FetchRobotsAsync(Uri url, string key, CancellationToken ct)
    {
        RobotsTxt robots;
        var ttl = options.RobotsTtl;
        try
        {
            using (await _gate.EnterAsync(url.Authority, options.MinDelayPerHost, options.MaxConcurrencyPerHost, ct))
            {
                // A robots.txt that cannot be read forbids the whole host for a while: give the small file time.
                var file = new Uri(key + "/robots.txt");
                var answer = await SendAsync(file, file, new RedirectTrail(file, options.MaxRedirects), default, Max(options.Timeout, TimeSpan.FromSeconds(10)), followElsewhere: true, ct);
                robots = RobotsTxt.Parse(answer.Document!.Content, FetchOptions.RobotsToken);
            }
        }
        catch (FetchException e) when (e.Kind == "http-4xx")
        {
            robots = RobotsTxt.AllowAll;
        }
        catch (FetchException e)
        {
            robots = RobotsTxt.Unreadable(e);
            ttl = TimeSpan.FromMinutes(10);
        }
        catch (RetryableException e)
        {
            robots = RobotsTxt.Unreadable(e.Failure);
            ttl = TimeSpan.FromMinutes(10);
        }

        _robots[key] = (robots, time.GetUtcNow() + ttl);
        return robots;
    }

    /// <summary>What one request gave: the document, or the address on another host a redirect leads to.</summary>
    private sealed record Answer(FetchedDocument? Document, string? ETag, string? LastModified, Uri? Elsewhere = null);

    /// <summary>The redirects of one fetch, across hosts: bounded in number, never back to an address already seen.</summary>
    private sealed class RedirectTrail(Uri url, int max)
    {
        private readonly List<string> _seen = [url.ToString()];

        public int Length => _seen.Count;

        public void Rewind(int length) => _seen.RemoveRange(length, _seen.Count - length);

        public void Follow(Uri next)
        {
            RequireHttp(next);
            if (_seen.Contains(next.ToString()))
            {
                throw new FetchException($"{url}: vòng chuyển hướng tại {next}", "redirects");
            }

            if (_seen.Count > max)
            {
                throw new FetchException($"{url}: quá {max} lần chuyển hướng", "redirects");
            }

            _seen.Add(next.ToString());
        }
    }

    private async Task<Answer> SendAsync(Uri url, Uri target, RedirectTrail trail, (string? ETag, string? LastModified) validators, TimeSpan limit,
        bool followElsewhere, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        var current = target;
        try
        {
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.UserAgent.ParseAdd(options.UserAgent);
                request.Headers.AcceptEncoding.ParseAdd("gzip, deflate");
                if (validators.ETag is { } etag)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                if (validators.LastModified is { } lm)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lm);
                }

                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && status != 304 && response.Headers.Location is { } location)
                {
                    var next = new Uri(current, location);
                    trail.Follow(next);
                    if (!followElsewhere && !string.Equals(next.Scheme + "://" + next.Authority, current.Scheme + "://" + current.Authority, StringComparison.OrdinalIgnoreCase))
                    {
                        return new Answer(null, null, null, next);
                    }

                    current = next;
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new Answer(new FetchedDocument(url, current, "", null, NotModified: true), validators.ETag, validators.LastModified);
                }

                if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
                {
                    throw new RetryableException(new FetchException($"{url}: máy chủ trả lời HTTP {status} ({response.ReasonPhrase})", "throttled"), RetryAfter(response.Headers.RetryAfter));
                }

                if (status >= 500)
                {
                    throw new RetryableException(new FetchException($"{url}: máy chủ trả lời HTTP {status} ({response.ReasonPhrase})", "http-5xx"), null);
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new FetchException($"{url}: máy chủ trả lời HTTP {status} ({response.ReasonPhrase})", "http-4xx");
                }

                if (response.Content.Headers.ContentLength > options.MaxBytes)
                {
                    throw new FetchException($"{url}: {response.Content.Headers.ContentLength} byte, vượt giới hạn {options.MaxBytes} byte", "too-large");
                }

                var bytes = Gunzip(await ReadLimitedAsync(response.Content, url, timeout.Token), url);
                var document = new FetchedDocument(url, current, PageDecoder.Decode(bytes, response.Content.Headers.ContentType?.CharSet), response.Content.Headers.ContentType?.MediaType);
                return new Answer(document, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("r", CultureInfo.InvariantCulture));
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new RetryableException(new FetchException($"{url}: không nhận đủ trả lời trong {limit.TotalSeconds:0.#} giây", "timeout"), null);
        }
        catch (HttpRequestException e) when (e.InnerException is AddressRefusedException refused)
        {
            // Not retried and not held against the host: the address, not the server, is the problem.
            throw new FetchException($"{url}: {refused.Message}", "refused", refused);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ResponseEnded)
        {
            throw new RetryableException(new FetchException($"{url}: trả lời bị cắt giữa chừng ({e.Message})", "truncated", e), null);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ResponseEnded || e.InnerException is HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded })
        {
            // The body stopped before its Content-Length while HttpClient was still reading it.
            throw new RetryableException(new FetchException($"{url}: trả lời bị cắt giữa chừng ({e.Message})", "truncated", e), null);
        }
        catch (HttpRequestException e)
        {
            throw new RetryableException(new FetchException($"{url}: không kết nối được ({e.Message})", "connection", e), null);
        }
        catch (IOException e)
        {
            throw new RetryableException(new FetchException($"{url}: trả lời bị cắt giữa chừng ({e.Message})", "truncated", e), null);
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? Max(date - time.GetUtcNow(), TimeSpan.Zero) : null);

    private async Task<byte[]> ReadLimitedAsync(HttpContent content, Uri url, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        return await CopyLimitedAsync(stream, url, ct);
    }

    private async Task<byte[]> CopyLimitedAsync(Stream stream, Uri url, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxBytes)
            {
                throw new FetchException($"{url}: nội dung vượt giới hạn {options.MaxBytes} byte", "too-large");
            }
        }

        return buffer.ToArray();
    }

    // Sitemaps are often served as .gz files without Content-Encoding: unpack by the magic number.
    private byte[] Gunzip(byte[] bytes, Uri url)
    {
        try
        {
            return LimitedGzip.Unpack(bytes, options.MaxBytes);
        }
        catch (TooLargeException)
        {
            throw new FetchException($"{url}: nội dung giải nén vượt giới hạn {options.MaxBytes} byte", "too-large");
        }
        catch (InvalidDataException e)
        {
            throw new FetchException($"{url}: tệp gzip hỏng ({e.Message})", "truncated", e);
        }
    }

    private static void RequireHttp(Uri url)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new FetchException($"{url}: chỉ tải địa chỉ http và https", "scheme");
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>A failure worth another try after <see cref="RetryAfter"/> (or the back-off).</summary>
    private sealed class RetryableException(FetchException failure, TimeSpan? retryAfter) : Exception(failure.Message)
    {
        public FetchException Failure { get; } = failure;
        public TimeSpan? RetryAfter { get; } = retryAfter;
    }
}
