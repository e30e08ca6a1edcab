using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Api;

namespace Monitor.Dashboards.Plans;

/// <summary>GET /api/plans/{id}/retag: where the dashboard's re-tag of a plan stands (what the progress bar polls).</summary>
internal static class RetagApi
{
    public static void MapRetagApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/plans/{id}/retag", Status).RequireAuthorization(MonitorRoles.PlansPolicy).WithName("retag")
            .WithSummary("Tiến độ gắn lại chủ đề của kế hoạch (bài đã xong / tổng số bài trong khung thời gian).");

    private static async Task<Results<Ok<RetagStatus>, NotFound<ApiError>>> Status(string id, RetagJobs jobs, CancellationToken ct) =>
        await jobs.GetAsync(id, ct) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound(new ApiError($"kế hoạch '{id}' chưa được gắn lại từ trang này"));
}
