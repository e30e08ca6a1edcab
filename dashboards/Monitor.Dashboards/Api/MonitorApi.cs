using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitor.Core.Time;
using Monitor.Dashboards.Overview;
using Monitor.Storage.Coverage;
using Monitor.Storage.Crawl;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Api;

/// <summary>A stored plan as the API lists it.</summary>
public sealed record PlanSummary(string Id, int Version, DateTimeOffset LoadedAt, string Title, IReadOnlyList<ThemeRef> Themes, IReadOnlyList<int> Versions);

/// <summary>The articles behind a number: how many, and one page of them.</summary>
public sealed record ArticlePage(int Total, int Offset, IReadOnlyList<ListedArticle> Articles);

/// <summary>An API error: one Vietnamese line naming the input.</summary>
public sealed record ApiError(string Error);

/// <summary>The JSON API under /api (login required: 401 otherwise), typed so OpenAPI documents it and numbers stay numbers.</summary>
internal static class MonitorApi
{
    public static void MapMonitorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/plans", ListPlansAsync).WithName("plans").WithSummary("Kế hoạch đã nạp (phiên bản mới nhất) và các phiên bản của mỗi kế hoạch.");
        api.MapGet("/plans/{id}/coverage", CoverageAsync).WithName("coverage")
            .WithSummary("Độ phủ: số bài theo chủ đề × cơ quan × kỳ (week, month, window), trong thời gian của từng chủ đề.");
        api.MapGet("/plans/{id}/quotas", QuotasAsync).WithName("quotas")
            .WithSummary("Chỉ tiêu theo cơ quan đến hết ngày asof (mặc định: to, hoặc hôm nay); ids=true kèm mã mọi bài được đếm (articleIds), "
                + "mặc định chỉ có số (articleIds = null; các bài theo từng trang: /api/plans/{id}/articles?quota=N&quota_outlet=O).");
        api.MapGet("/plans/{id}/gaps", GapsAsync).WithName("gaps").WithSummary("Khoảng trống theo chủ đề đến hết ngày asof, với tình trạng nguồn tin.");
        api.MapGet("/plans/{id}/events", EventsAsync).WithName("events").WithSummary("Số bài quanh mỗi sự kiện của kế hoạch (days ngày trước và sau, mặc định 3).");
        api.MapGet("/plans/{id}/overview", OverviewAsync).WithName("overview").WithSummary("Số liệu trang Tổng quan (bản đồ nhiệt, ma trận, biểu đồ theo ngày, ô tổng hợp, chỉ tiêu).");
        api.MapGet("/plans/{id}/articles", ArticlesAsync).WithName("articles").WithSummary("Các bài được đếm trong một ô số liệu.");
        api.MapGet("/health", async (CrawlState crawl, CancellationToken ct) => TypedResults.Ok(await crawl.HealthAsync(ct))).WithName("health");
    }

    private static async Task<Ok<List<PlanSummary>>> ListPlansAsync(PlanStore plans, CancellationToken ct)
    {
        var list = new List<PlanSummary>();
        foreach (var p in await plans.LatestAsync(ct))
        {
            var versions = await plans.VersionsAsync(p.Id, ct);
            list.Add(new PlanSummary(p.Id, p.Version, p.LoadedAt, p.Plan.Directive.Title, p.Plan.Themes.Select(t => new ThemeRef(t.Code, t.Title)).ToList(),
                versions.Select(v => v.Version).ToList()));
        }

        return TypedResults.Ok(list);
    }

    private static Task<Results<Ok<IReadOnlyList<CoverageRow>>, NotFound<ApiError>, BadRequest<ApiError>>> CoverageAsync(string id, HttpRequest request,
        ICoverageStore coverage, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(id, request, coverage, time, async (plan, f, _) => CoverageRows.Of(await coverage.CoverageAsync(plan, new CoverageQuery(f.Period, f.From, f.To), ct), f.Outlet), ct);

    private static Task<Results<Ok<IReadOnlyList<QuotaStatusRow>>, NotFound<ApiError>, BadRequest<ApiError>>> QuotasAsync(string id, bool? ids, HttpRequest request,
        ICoverageStore coverage, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(id, request, coverage, time, async (plan, _, asOf) => CoverageRows.Of(await coverage.QuotasAsync(plan, asOf,
            ids == true ? QuotaDetail.Articles : QuotaDetail.Counts, ct)), ct);

    private static Task<Results<Ok<IReadOnlyList<GapRow>>, NotFound<ApiError>, BadRequest<ApiError>>> GapsAsync(string id, HttpRequest request,
        ICoverageStore coverage, TimeProvider time, CancellationToken ct) =>
        AnswerAsync(id, request, coverage, time, async (plan, _, asOf) => CoverageRows.Of(await coverage.GapsAsync(plan, asOf, ct)), ct);

    private static async Task<Results<Ok<IReadOnlyList<EventRow>>, NotFound<ApiError>, BadRequest<ApiError>>> EventsAsync(string id, HttpRequest request,
        ICoverageStore coverage, TimeProvider time, CancellationToken ct)
    {
        var days = request.Query["days"].ToString() is { Length: > 0 } d ? int.TryParse(d, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1 : 3;
        return days < 0
            ? TypedResults.BadRequest(new ApiError($"days '{request.Query["days"]}': cần một số nguyên không âm"))
            : await AnswerAsync(id, request, coverage, time, async (plan, _, _) => CoverageRows.Of(await coverage.EventsAsync(plan, days, ct)), ct);
    }

    /// <summary>Reads the filters and the plan in force on the as-of day (asof, else to, else today: as <c>monitor report</c>
    /// does), then answers <paramref name="rows"/>; a bad filter is 400, an unknown plan 404.</summary>
    private static async Task<Results<Ok<IReadOnlyList<T>>, NotFound<ApiError>, BadRequest<ApiError>>> AnswerAsync<T>(string id, HttpRequest request,
        ICoverageStore coverage, TimeProvider time, Func<StoredPlan, Filters, DateOnly, Task<IReadOnlyList<T>>> rows, CancellationToken ct)
    {
        var (filters, error) = Filters.Parse(request.Query);
        if (filters is null)
        {
            return TypedResults.BadRequest(new ApiError(error!));
        }

        var asOf = filters.AsOf ?? filters.To ?? DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
        return await coverage.PlanInForceAsync(id, asOf, ct) is { } plan
            ? TypedResults.Ok(await rows(plan, filters, asOf))
            : TypedResults.NotFound(new ApiError($"không có kế hoạch '{id}'"));
    }

    private static async Task<Results<Ok<OverviewData>, NotFound<ApiError>, BadRequest<ApiError>>> OverviewAsync(string id, HttpRequest request, OverviewBuilder overview, CancellationToken ct)
    {
        var (filters, error) = Filters.Parse(request.Query);
        if (filters is null)
        {
            return TypedResults.BadRequest(new ApiError(error!));
        }

        return await overview.BuildAsync(filters with { Plan = id }, ct) is { } data ? TypedResults.Ok(data) : TypedResults.NotFound(new ApiError($"không có kế hoạch '{id}'"));
    }

    private static async Task<Results<Ok<ArticlePage>, NotFound<ApiError>, BadRequest<ApiError>>> ArticlesAsync(string id, HttpRequest request, ArticleLists lists, CancellationToken ct)
    {
        var (filters, error) = Filters.Parse(request.Query);
        if (filters is null)
        {
            return TypedResults.BadRequest(new ApiError(error!));
        }

        var list = await lists.ListAsync(filters with { Plan = id }, request.Query, ct);
        return list switch
        {
            null => TypedResults.NotFound(new ApiError($"không có kế hoạch '{id}'")),
            { Error: { } e } => TypedResults.BadRequest(new ApiError(e)),
            _ => TypedResults.Ok(new ArticlePage(list.Total, list.Offset, list.Articles)),
        };
    }
}
