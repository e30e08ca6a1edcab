using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitor.Core.Text;
using Monitor.Storage;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Lab.Bench;

/// <summary>What <c>bench dashboard</c> checks on the pages it times: every number a page shows against the store read
/// another way (the overview's week tile against its API, the search's count against the full-text index, the outlet's
/// quotas against the store's quota answer, the theme's article count against the coverage report), and that the
/// article page shows the stored title. Each prints one line, equal or DIFFERENT.</summary>
internal sealed partial class DashboardBenchChecks(HttpClient http, MonitorDatabase db, StoredPlan plan)
{
    /// <summary>The outlet timed on Cơ quan báo chí: the sample plan's weekly quota names it.</summary>
    public const string Outlet = "Báo Kon Tum";

    /// <summary>The theme timed on Chủ đề (food poisoning, the search's words).</summary>
    public const string Theme = "1.2";

    private static readonly string Pad = new(' ', 28);

    /// <summary>An article of <see cref="Theme"/>, the newest (by day, then id), and its stored title.</summary>
    public async Task<(string Id, string Title)> ArticleAsync(CancellationToken ct)
    {
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("""
            SELECT a.id, a.title FROM tags t JOIN articles a ON a.id = t.article_id
            WHERE t.plan_id = $plan AND t.theme_code = $theme ORDER BY t.day DESC, t.article_id LIMIT 1
            """, null, ("$plan", plan.Id), ("$theme", Theme));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetString(0), reader.GetString(1)) : throw new InvalidOperationException($"no article of theme {Theme}");
    }

    /// <summary>The page's week tile against the overview API's (which the bench checks against the tag rows).</summary>
    public async Task<bool> OverviewPageAsync(string path, string body)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(path.Replace("/?plan=", "/api/plans/", StringComparison.Ordinal) + "/overview", UriKind.Relative)));
        var api = json.RootElement.GetProperty("tiles").GetProperty("weekArticles").GetInt32();
        var shown = Number(TileWeek().Match(body).Groups[1].Value);
        return Report("week tile", shown, api, "the overview API");
    }

    /// <summary>The search's count against the full-text index asked directly with the folded words, every one required.</summary>
    public async Task<bool> SearchAsync(string path, string body)
    {
        var words = VietnameseFolding.Key(WebUtility.UrlDecode(path[(path.IndexOf("q=", StringComparison.Ordinal) + 2)..]))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        await using var connection = await db.ConnectAsync(CancellationToken.None);
        var indexed = await connection.ScalarAsync<long>("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH $q", CancellationToken.None, null,
            ("$q", string.Join(' ', words.Select(w => '"' + w + '"'))));
        return Report("search count", Number(SearchCount().Match(body).Groups[1].Value), indexed, "the full-text index");
    }

    /// <summary>Each quota's delivered count on the outlet page against the store's quota answer for the outlet.</summary>
    public async Task<bool> OutletAsync(string path, string body)
    {
        var asOf = DateOnly.ParseExact(AsOf().Match(body).Groups[1].Value, "d/M/yyyy", CultureInfo.InvariantCulture);
        var store = (await new SqliteCoverageStore(db, TimeProvider.System).QuotasAsync(plan, asOf, QuotaDetail.Counts, CancellationToken.None))
            .Where(q => q.Outlet == Outlet).Select(q => (q.Quota + 1, q.Delivered)).ToList();
        var shown = QuotaRow().Matches(body).Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), (int)Number(m.Groups[2].Value))).ToList();
        var same = store.Count > 0 && store.SequenceEqual(shown);
        Console.WriteLine($"{Pad}quotas delivered on the page {string.Join(", ", shown)}, the store {string.Join(", ", store)}: {(same ? "equal" : "DIFFERENT")}");
        return same;
    }

    /// <summary>The theme page's article count against the coverage report of the theme's window.</summary>
    public async Task<bool> ThemeAsync(string path, string body)
    {
        var report = await new SqliteCoverageStore(db, TimeProvider.System).CoverageAsync(plan, new CoverageQuery(CoveragePeriod.Window), CancellationToken.None);
        return Report("theme articles", Number(ThemeCount().Match(body).Groups[1].Value), report.Cells.Where(c => c.Theme == Theme).Sum(c => c.Articles), "the coverage report");
    }

    public static bool Article(string body, (string Id, string Title) article)
    {
        var shown = body.Contains(WebUtility.HtmlEncode(article.Title), StringComparison.Ordinal) || body.Contains(article.Title, StringComparison.Ordinal);
        Console.WriteLine($"{Pad}article {article.Id} shows its stored title: {(shown ? "yes" : "NO")}");
        return shown;
    }

    private static bool Report(string what, long shown, long store, string source)
    {
        Console.WriteLine($"{Pad}{what} {shown:N0}, {source} {store:N0}: {(shown == store ? "equal" : "DIFFERENT")}");
        return shown == store;
    }

    // Numbers as the pages write them (Vietnamese thousands separator); -1 when absent.
    private static long Number(string text) => text.Any(char.IsDigit) ? long.Parse(new string(text.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture) : -1;

    [GeneratedRegex("""id="tile-week"[^>]*>\s*<span class="label">[^<]*</span>\s*<span class="value">([^<]+)</span>""")]
    private static partial Regex TileWeek();

    [GeneratedRegex("""<p id="count"><strong>([^<]+)</strong>""")]
    private static partial Regex SearchCount();

    [GeneratedRegex("""<tr data-quota="(\d+)">(?:(?!</tr>).)*?<td class="n"><a [^>]*>([^<]+)</a></td>""", RegexOptions.Singleline)]
    private static partial Regex QuotaRow();

    [GeneratedRegex("""Số liệu tính đến hết ngày (\d{1,2}/\d{1,2}/\d{4})""")]
    private static partial Regex AsOf();

    [GeneratedRegex("""<p id="counts">[^<]*\(([^<]+) bài\)""")]
    private static partial Regex ThemeCount();
}
