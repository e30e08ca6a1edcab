using System.Globalization;
using Microsoft.AspNetCore.Http;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Overview;

/// <summary>The articles behind one number: what was counted (theme or all, outlet, period key, section, or a quota's
/// counted list), the total and one page.</summary>
public sealed record ArticleList(string Plan, int Version, string Caption, int Total, int Offset, IReadOnlyList<ListedArticle> Articles, string? Error = null);

/// <summary>Answers the drill-down from a number to its articles, with the windows and filters the number was counted under.</summary>
public sealed class ArticleLists(OverviewBuilder overview, DashboardQueries queries, ICoverageStore coverage)
{
    public const int PageSize = 50;

    /// <param name="limit">Articles in the page (a download asks for all of them, up to its cap).</param>
    public async Task<ArticleList?> ListAsync(Filters filters, IQueryCollection query, CancellationToken ct, int limit = PageSize)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(query);
        if (await overview.ResolveAsync(filters, ct) is not var (plan, _, asOf))
        {
            return null;
        }

        var offset = int.TryParse(query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var theme = query["theme"].ToString() is { Length: > 0 } t ? t : null;
        if (theme is not null && plan.Plan.Themes.All(x => x.Code != theme))
        {
            return new ArticleList(plan.Id, plan.Version, "", 0, 0, [], $"theme '{theme}': kế hoạch {plan.Id} không có chủ đề này");
        }

        if (query["quota"].ToString() is { Length: > 0 } q)
        {
            // A quota's counted articles are the ones its report lists, as of the same day.
            var outlet = query["quota_outlet"].ToString();
            // Counted by the store for this outlet only, then listed a page at a time by the store (not every counted id).
            var status = (await coverage.QuotasAsync(plan, asOf, QuotaDetail.Counts, outlet, ct)).FirstOrDefault(s => (s.Quota + 1).ToString(CultureInfo.InvariantCulture) == q);
            if (status is null)
            {
                return new ArticleList(plan.Id, plan.Version, "", 0, 0, [], $"quota '{q}': không có chỉ tiêu này cho '{outlet}'");
            }

            var (counted, listed) = await queries.QuotaListAsync(plan, status, asOf, offset, limit, ct);
            var caption = $"Chỉ tiêu {q} ({Wording.Rate(status)}{(theme ?? status.Theme) switch { null => "", var c => ", chủ đề " + c }}) — {(outlet.Length == 0 ? "mọi cơ quan" : outlet)}, đến hết ngày {Wording.Day(asOf)}";
            return new ArticleList(plan.Id, plan.Version, caption, counted, offset, listed);
        }

        var bucket = query["bucket"].ToString() is { Length: > 0 } b ? b : null;
        DateOnly? from, to;
        try
        {
            (from, to) = Filters.Span(bucket, filters.From, filters.To);
        }
        catch (FormatException)
        {
            return new ArticleList(plan.Id, plan.Version, "", 0, 0, [], $"bucket '{bucket}': dùng dạng 2024-W46, 2024-11 hoặc window");
        }

        var windows = CoverageRules.Windows(plan.Plan, from, to).Where(w => theme is null || w.Code == theme).ToList();
        var (total, page) = await queries.ArticlesAsync(plan.Id, windows, filters.Outlet, filters.Section, offset, limit, ct);
        var parts = new List<string> { theme is null ? "Mọi chủ đề" : $"Chủ đề {theme} {plan.Plan.Themes.First(x => x.Code == theme).Title}" };
        parts.Add(filters.Outlet ?? "mọi cơ quan");
        if (bucket is not null)
        {
            parts.Add(Wording.Period(bucket));
        }

        if (filters.From is not null || filters.To is not null)
        {
            parts.Add($"{(filters.From is { } f ? Wording.Day(f) : "…")} – {(filters.To is { } e ? Wording.Day(e) : "…")}");
        }

        if (filters.Section is not null)
        {
            parts.Add("chuyên mục " + filters.Section);
        }

        return new ArticleList(plan.Id, plan.Version, string.Join(" · ", parts), total, offset, page);
    }
}
