using System.Globalization;
using Microsoft.AspNetCore.Http;
using Monitor.Core.Time;
using Monitor.Dashboards.Forms;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Overview;

/// <summary>What the overview, the article lists and the API are filtered by; read from the query string and written
/// back into every link, so a number's link opens exactly the articles it counted.</summary>
public sealed record Filters(string? Plan = null, int? Version = null, CoveragePeriod Period = CoveragePeriod.Week, DateOnly? From = null,
    DateOnly? To = null, string? Outlet = null, string? Section = null, DateOnly? AsOf = null)
{
    /// <summary>Reads the filters; a value that cannot be read is a Vietnamese message naming it.</summary>
    public static (Filters? Filters, string? Error) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            var period = Text(query, "period") switch
            {
                null or "week" => CoveragePeriod.Week,
                "month" => CoveragePeriod.Month,
                "window" => CoveragePeriod.Window,
                var p => throw new FormatException($"period '{p}': dùng week, month hoặc window"),
            };
            int? version = Text(query, "version") is { } v
                ? int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new FormatException($"version '{v}': cần một số nguyên dương")
                : null;
            var f = new Filters(Text(query, "plan"), version, period, Day(query, "from"), Day(query, "to"), Text(query, "outlet"), Text(query, "section"), Day(query, "asof"));
            return f.From > f.To ? (null, $"Từ ngày {Wording.Day(f.From.Value)} sau đến ngày {Wording.Day(f.To!.Value)}") : (f, null);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>The query string of these filters (plan included), with <paramref name="extra"/> pairs appended.</summary>
    public string Query(params (string Key, string? Value)[] extra)
    {
        var pairs = new List<(string, string?)>
        {
            ("plan", Plan), ("version", Version?.ToString(CultureInfo.InvariantCulture)),
            ("period", Period == CoveragePeriod.Week ? null : PeriodName(Period)), ("from", Key(From)), ("to", Key(To)),
            ("outlet", Outlet), ("section", Section), ("asof", Key(AsOf)),
        };
        pairs.AddRange(extra);
        return QueryString.Create(pairs.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => KeyValuePair.Create(p.Item1, p.Item2))).ToString();
    }

    public static string PeriodName(CoveragePeriod period) => period.ToString().ToLowerInvariant();

    /// <summary>The days a period key ("2024-W46", "2024-11", "window") spans, narrowed to [from, to].</summary>
    public static (DateOnly? From, DateOnly? To) Span(string? period, DateOnly? from, DateOnly? to)
    {
        (DateOnly? f, DateOnly? t) = period switch
        {
            null or "" or "window" => ((DateOnly?)null, (DateOnly?)null),
            { Length: 7 } m when DateOnly.TryParseExact(m + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) => (first, first.AddMonths(1).AddDays(-1)),
            var w => (IsoWeek.Parse(w).Monday, IsoWeek.Parse(w).Sunday),
        };
        return (Later(f, from), Earlier(t, to));
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static string? Key(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Text(IQueryCollection query, string key) => query[key].ToString() is { Length: > 0 } s ? s.Trim() : null;

    /// <summary>A day parameter as the filter forms type it (dd/mm/yyyy) or links carry it (yyyy-mm-dd); a bad one is
    /// named by its field's label.</summary>
    private static DateOnly? Day(IQueryCollection query, string key) => DayField.Parse(Text(query, key), key switch
    {
        "from" => "Từ ngày",
        "to" => "Đến ngày",
        _ => "Tính đến ngày",
    });
}
