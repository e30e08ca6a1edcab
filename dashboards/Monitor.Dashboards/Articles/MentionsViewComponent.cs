using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Storage;
using Monitor.Storage.Plans;

namespace Monitor.Dashboards.Articles;

/// <summary>A theme an article only passes by (grade "nhắc đến", table tag_mentions): shown on the article page apart
/// from the counted themes, never counted.</summary>
public sealed record Mention(string Plan, string Theme, string Title, double Score, IReadOnlyList<Evidence> Evidence);

/// <summary>The article page's "Chỉ nhắc đến" section: the passing mentions of every stored plan.</summary>
[ViewComponent(Name = "Mentions")]
public sealed class MentionsViewComponent(MonitorDatabase db, PlanStore plans) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string article)
    {
        var ct = HttpContext.RequestAborted;
        return View(await ReadAsync(db, await plans.LatestAsync(ct), article, ct));
    }

    /// <summary>The passing mentions of an article, by plan and theme, titled from the newest version of each plan
    /// (the section and its download read them here).</summary>
    public static async Task<IReadOnlyList<Mention>> ReadAsync(MonitorDatabase db, IReadOnlyList<StoredPlan> plans, string article, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plans);
        var titles = plans.ToDictionary(p => p.Id, p => p.Plan.Themes.ToDictionary(t => t.Code, t => t.Title));
        var list = new List<Mention>();
        await using var connection = await db.ConnectAsync(ct);
        await using var command = connection.Command("SELECT plan_id, theme_code, score, evidence FROM tag_mentions WHERE article_id = $id ORDER BY plan_id, theme_code", null, ("$id", article));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (plan, theme) = (reader.GetString(0), reader.GetString(1));
            list.Add(new Mention(plan, theme, titles.GetValueOrDefault(plan)?.GetValueOrDefault(theme) ?? "", reader.GetDouble(2),
                JsonSerializer.Deserialize<List<Evidence>>(reader.GetString(3), ArticleJson.Options) ?? []));
        }

        return list;
    }
}
