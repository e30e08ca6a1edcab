using System.Globalization;
using Monitor.Storage.Articles;

namespace Monitor.Storage.Crawl;

/// <summary>The health of one source over the last days: what a "theme uncovered" must be checked against.</summary>
/// <param name="Outlet">The outlet the source feeds: as recorded, else that of an article it fetched, else the source's name.</param>
/// <param name="PausedHosts">Hosts paused now on which the source fetched pages or met errors.</param>
public sealed record SourceHealthLine(
    string Source,
    string Outlet,
    DateTimeOffset? LastAttempt,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastNewArticle,
    double ArticlesPerDay,
    IReadOnlyDictionary<string, int> ErrorsByKind,
    int EmptyBodies,
    int MissingDates,
    bool Drift,
    TimeSpan? UsualGap,
    bool Silent,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    IReadOnlyList<PausedHost> PausedHosts)
{
    /// <summary>The last attempt failed after the last success (or nothing ever succeeded): failing now.</summary>
    public bool Failing => LastErrorAt is { } e && (LastSuccess is null || e > LastSuccess);

    /// <summary>Pages are fetched but articles do not come out: a sudden drift, or only empty pages in the whole window.</summary>
    public bool ExtractionFailing => Drift || (EmptyBodies > 0 && ArticlesPerDay == 0);

    /// <summary>What a person must look at, as facts (the words are the reader's: Monitor.Dashboards/Wording); empty for a
    /// healthy source.</summary>
    public IReadOnlyList<SourceProblem> Problems
    {
        get
        {
            var problems = new List<SourceProblem>();
            if (LastAttempt is null)
            {
                problems.Add(SourceProblem.NeverCrawled);
            }
            else if (LastSuccess is null)
            {
                problems.Add(SourceProblem.NeverSucceeded);
            }

            if (Failing)
            {
                problems.Add(SourceProblem.Failing);
            }

            if (PausedHosts.Count > 0)
            {
                problems.Add(SourceProblem.HostPaused);
            }

            if (Silent)
            {
                problems.Add(SourceProblem.Silent);
            }

            if (Drift)
            {
                problems.Add(SourceProblem.Drift);
            }
            else if (ExtractionFailing)
            {
                problems.Add(SourceProblem.ExtractionFailing);
            }

            return problems;
        }
    }

    public bool NeedsAttention => Problems.Count > 0;
}

/// <summary>Why a source needs attention; the line carries the details (last error, paused hosts, usual gap).</summary>
public enum SourceProblem
{
    NeverCrawled,
    NeverSucceeded,
    Failing,
    HostPaused,
    Silent,
    Drift,
    ExtractionFailing,
}

/// <summary>Computes source health from the frontier and the crawl events: articles per day, errors by kind,
/// extraction failures and drift (a source whose extraction suddenly fails), and silence longer than the source's
/// usual rhythm (three times its median gap between new articles, at least six hours).</summary>
public sealed class SourceHealthReport(MonitorDatabase db, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);
    private static readonly TimeSpan Recent = TimeSpan.FromDays(2);

    public async Task<IReadOnlyList<SourceHealthLine>> ComputeAsync(IEnumerable<string> knownSources, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(knownSources);
        var now = time.GetUtcNow();
        await using var connection = await db.ConnectAsync(ct);
        var health = new Dictionary<string, (DateTimeOffset? Attempt, DateTimeOffset? Success, string? Error, DateTimeOffset? ErrorAt, string? Outlet)>(StringComparer.Ordinal);
        await using (var command = connection.Command("SELECT source, last_attempt, last_success, last_error, last_error_at, outlet FROM source_health"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                health[reader.GetString(0)] = (Date(reader.NullableString(1)), Date(reader.NullableString(2)), reader.NullableString(3), Date(reader.NullableString(4)),
                    reader.NullableString(5));
            }
        }

        var paused = await new CrawlState(db, time).PausedHostsAsync(ct);

        var names = health.Keys.Concat(knownSources).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lines = new List<SourceHealthLine>();
        foreach (var source in names)
        {
            var seen = await FirstSeenAsync(connection, source, now - TimeSpan.FromDays(30), ct);
            var events = await EventsAsync(connection, source, now - Window, ct);
            var blocked = new List<PausedHost>();
            foreach (var host in paused)
            {
                if (events.Any(e => OnHost(e.Message, host.Host)) || await FetchedOnAsync(connection, source, host.Host, ct))
                {
                    blocked.Add(host);
                }
            }

            var errors = events.Where(e => !e.Kind.StartsWith("extraction-", StringComparison.Ordinal))
                .GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var empty = events.Count(e => e.Kind == "extraction-empty");
            var undated = events.Count(e => e.Kind == "extraction-no-date");
            var gap = UsualGap(seen);
            var last = seen.Count > 0 ? seen[^1] : (DateTimeOffset?)null;
            var silentFor = last is { } l ? now - l : (TimeSpan?)null;
            var silent = gap is { } g2 && silentFor > Max(3 * g2, TimeSpan.FromHours(6));
            health.TryGetValue(source, out var h);
            var outlet = h.Outlet ?? await connection.ScalarAsync<string>(
                "SELECT a.outlet FROM frontier f JOIN articles a ON a.id = f.article_id WHERE f.source = $s LIMIT 1", ct, null, ("$s", source)) ?? source;
            lines.Add(new SourceHealthLine(source, outlet, h.Attempt, h.Success, last, seen.Count(s => s >= now - Window) / Window.TotalDays,
                errors, empty, undated, Drift(events, seen, now), gap, silent, h.Error, h.ErrorAt, blocked));
        }

        return lines;
    }

    // Drift: in the last two days at least 3 extraction failures and half the pages, where the days before had under a fifth.
    private static bool Drift(List<(DateTimeOffset At, string Kind, string? Message)> events, List<DateTimeOffset> seen, DateTimeOffset now)
    {
        static bool Failure((DateTimeOffset At, string Kind, string? Message) e) => e.Kind.StartsWith("extraction-", StringComparison.Ordinal);
        var recentFailures = events.Count(e => Failure(e) && e.At >= now - Recent);
        var recentOk = seen.Count(s => s >= now - Recent);
        var olderFailures = events.Count(e => Failure(e) && e.At < now - Recent);
        var olderOk = seen.Count(s => s < now - Recent && s >= now - Window);
        var recentRate = recentFailures / (double)Math.Max(1, recentFailures + recentOk);
        var olderRate = olderFailures / (double)Math.Max(1, olderFailures + olderOk);
        return recentFailures >= 3 && recentRate >= 0.5 && olderRate < 0.2;
    }

    private static TimeSpan? UsualGap(List<DateTimeOffset> seen)
    {
        if (seen.Count < 5)
        {
            return null;
        }

        var gaps = seen.Zip(seen.Skip(1), (a, b) => b - a).Where(g => g > TimeSpan.FromMinutes(1)).Order().ToList();
        return gaps.Count == 0 ? null : gaps[gaps.Count / 2];
    }

    // "Found" is when the crawler first saw an article, so a back-fill of old articles does not count as today's rhythm
    // differently from a live crawl; revisits do not move it.
    private static async Task<List<DateTimeOffset>> FirstSeenAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string source, DateTimeOffset since, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT first_seen FROM frontier WHERE source = $s AND status = 'fetched' AND first_seen >= $since ORDER BY first_seen", null,
            ("$s", source), ("$since", ArticleWriter.Iso(since)));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<DateTimeOffset>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(Date(reader.GetString(0))!.Value);
        }

        return list;
    }

    private static async Task<List<(DateTimeOffset At, string Kind, string? Message)>> EventsAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string source, DateTimeOffset since, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT at, kind, message FROM crawl_events WHERE source = $s AND at >= $since", null, ("$s", source), ("$since", ArticleWriter.Iso(since)));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<(DateTimeOffset, string, string?)>();
        while (await reader.ReadAsync(ct))
        {
            list.Add((Date(reader.GetString(0))!.Value, reader.GetString(1), reader.NullableString(2)));
        }

        return list;
    }

    // Hosts are kept per host, sources per name; the store ties them by what the source touched: an event message starts
    // with the URL it is about, and the frontier holds the URLs the source fetched (a range of the primary key per scheme).
    private static bool OnHost(string? message, string host) =>
        message is not null && (message.StartsWith($"http://{host}/", StringComparison.OrdinalIgnoreCase) || message.StartsWith($"https://{host}/", StringComparison.OrdinalIgnoreCase));

    private static async Task<bool> FetchedOnAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string source, string host, CancellationToken ct) =>
        await connection.ScalarAsync<long>("""
            SELECT EXISTS (SELECT 1 FROM frontier WHERE source = $s AND ((url >= $h1 AND url < $h1e) OR (url >= $h2 AND url < $h2e)))
            """, ct, null, ("$s", source), ("$h1", $"http://{host}/"), ("$h1e", $"http://{host}0"), ("$h2", $"https://{host}/"), ("$h2e", $"https://{host}0")) == 1;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static DateTimeOffset? Date(string? s) => s is null ? null : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);
}
