using System.Globalization;
using Monitor.Storage.Articles;

namespace Monitor.Storage.Crawl;

/// <summary>The health of one source over the last days: what a "theme uncovered" must be checked against.</summary>
public sealed record SourceHealthLine(
    string Source,
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
    string? LastError);

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
        var health = new Dictionary<string, (DateTimeOffset? Attempt, DateTimeOffset? Success, string? Error)>(StringComparer.Ordinal);
        await using (var command = connection.Command("SELECT source, last_attempt, last_success, last_error FROM source_health"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                health[reader.GetString(0)] = (Date(reader.NullableString(1)), Date(reader.NullableString(2)), reader.NullableString(3));
            }
        }

        var names = health.Keys.Concat(knownSources).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lines = new List<SourceHealthLine>();
        foreach (var source in names)
        {
            var seen = await FirstSeenAsync(connection, source, now - TimeSpan.FromDays(30), ct);
            var events = await EventsAsync(connection, source, now - Window, ct);
            var errors = events.Where(e => !e.Kind.StartsWith("extraction-", StringComparison.Ordinal))
                .GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var empty = events.Count(e => e.Kind == "extraction-empty");
            var undated = events.Count(e => e.Kind == "extraction-no-date");
            var gap = UsualGap(seen);
            var last = seen.Count > 0 ? seen[^1] : (DateTimeOffset?)null;
            var silentFor = last is { } l ? now - l : (TimeSpan?)null;
            var silent = gap is { } g2 && silentFor > Max(3 * g2, TimeSpan.FromHours(6));
            health.TryGetValue(source, out var h);
            lines.Add(new SourceHealthLine(source, h.Attempt, h.Success, last, seen.Count(s => s >= now - Window) / Window.TotalDays,
                errors, empty, undated, Drift(events, seen, now), gap, silent, h.Error));
        }

        return lines;
    }

    // Drift: in the last two days at least 3 extraction failures and half the pages, where the days before had under a fifth.
    private static bool Drift(List<(DateTimeOffset At, string Kind)> events, List<DateTimeOffset> seen, DateTimeOffset now)
    {
        static bool Failure((DateTimeOffset At, string Kind) e) => e.Kind.StartsWith("extraction-", StringComparison.Ordinal);
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

    private static async Task<List<(DateTimeOffset At, string Kind)>> EventsAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string source, DateTimeOffset since, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT at, kind FROM crawl_events WHERE source = $s AND at >= $since", null, ("$s", source), ("$since", ArticleWriter.Iso(since)));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<(DateTimeOffset, string)>();
        while (await reader.ReadAsync(ct))
        {
            list.Add((Date(reader.GetString(0))!.Value, reader.GetString(1)));
        }

        return list;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static DateTimeOffset? Date(string? s) => s is null ? null : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);
}
