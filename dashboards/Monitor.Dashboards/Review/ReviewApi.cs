using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitor.Dashboards.Api;
using Monitor.Storage.Coverage;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Review;

/// <summary>The review queue as the API answers it: the plan version, how many undecided doubtful pairs in all, the first ones.</summary>
public sealed record ReviewAnswer(string Plan, int Version, int Total, IReadOnlyList<ReviewItem> Items);

/// <summary>GET /api/plans/{id}/review?theme=&amp;outlet=&amp;limit=: the review queue "Cần xem xét" (what the page lists).</summary>
internal static class ReviewApi
{
    public static void MapReviewApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/plans/{id}/review", ReadAsync).RequireAuthorization().WithName("review")
            .WithSummary("Cần xem xét: các cặp (bài, chủ đề) chưa có nhận xét mà bộ gắn kém chắc nhất, xen kẽ giữa các chủ đề (limit mặc định 50, tối đa 500).");

    private static async Task<Results<Ok<ReviewAnswer>, NotFound<ApiError>, BadRequest<ApiError>, ForbidHttpResult, JsonHttpResult<ApiError>>> ReadAsync(
        string id, string? theme, string? outlet, int? limit, HttpContext context, PlanStore plans, ReviewQueue queue, IArticleStore store, CancellationToken ct)
    {
        if (!ReviewQueue.Reads(store))
        {
            return TypedResults.Json(new ApiError("hàng 'Cần xem xét' chỉ đọc kho SQLite; với kho Elasticsearch chưa hỗ trợ"), statusCode: StatusCodes.Status501NotImplemented);
        }

        if (await plans.VersionsAsync(id, ct) is not [.., var plan])
        {
            return TypedResults.NotFound(new ApiError($"kế hoạch '{id}' không có"));
        }

        if (limit is < 1 or > ReviewQueue.MaxLimit)
        {
            return TypedResults.BadRequest(new ApiError($"limit {limit}: từ 1 đến {ReviewQueue.MaxLimit}"));
        }

        if (ReviewAccess.ThemeError(plan, theme) is { } error)
        {
            return TypedResults.BadRequest(new ApiError(error));
        }

        if (!ReviewAccess.MayRead(context.User, outlet))
        {
            return TypedResults.Forbid();
        }

        var page = await queue.ListAsync(plan, ReviewAccess.Filter(context.User, theme, outlet, limit ?? 50), ct);
        return TypedResults.Ok(new ReviewAnswer(plan.Id, plan.Version, page.Total, page.Items));
    }
}
