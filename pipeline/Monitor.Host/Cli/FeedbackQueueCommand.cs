using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Articles;
using Monitor.Host.Composition;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;

namespace Monitor.Host.Cli;

/// <summary>monitor feedback queue --plan ID: the review queue "Cần xem xét" (the dashboard's /plans/{id}/review): the
/// undecided (article, theme) pairs the tagger is least sure of, interleaved across themes, as tab-separated lines (a
/// header first) or JSON lines. Reads SQLite's tags (<see cref="ReviewQueue"/>).</summary>
internal static class FeedbackQueueCommand
{
    /// <summary>One JSON line: {"theme","grade","doubt","score","relevance","article_id","outlet","published","title","evidence"}.</summary>
    internal sealed record Line(
        [property: JsonPropertyName("theme")] string Theme,
        [property: JsonPropertyName("grade")] string Grade,
        [property: JsonPropertyName("doubt")] double Doubt,
        [property: JsonPropertyName("score")] double Score,
        [property: JsonPropertyName("relevance")] double? Relevance,
        [property: JsonPropertyName("article_id")] string ArticleId,
        [property: JsonPropertyName("outlet")] string Outlet,
        [property: JsonPropertyName("published")] string? Published,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("evidence")] string? Evidence);

    private static readonly JsonSerializerOptions Json = new(ArticleJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static Command Create()
    {
        var plan = new Option<string>("--plan") { Description = "Mã kế hoạch đã có trong kho.", Required = true };
        var theme = new Option<string?>("--theme") { Description = "Chỉ một chủ đề (mã)." };
        var outlet = new Option<string?>("--outlet") { Description = "Chỉ bài của một cơ quan báo chí." };
        var limit = new Option<int>("--limit") { Description = $"Số cặp tối đa (1–{ReviewQueue.MaxLimit}).", DefaultValueFactory = _ => 50 };
        var format = new Option<string>("--format") { Description = "tsv (mặc định, dòng đầu là tên cột) hoặc jsonl.", DefaultValueFactory = _ => "tsv" };
        var command = new Command("queue", "Cần xem xét: các cặp (bài, chủ đề) chưa có nhận xét mà bộ gắn kém chắc nhất, xen kẽ giữa các chủ đề.")
        {
            plan, theme, outlet, limit, format, CommonOptions.DataDir,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            if (r.GetValue(format) is not ("tsv" or "jsonl"))
            {
                throw new UserInputException($"--format '{r.GetValue(format)}': không hỗ trợ, dùng tsv hoặc jsonl");
            }

            if (r.GetValue(limit) is < 1 or > ReviewQueue.MaxLimit)
            {
                throw new UserInputException($"--limit {r.GetValue(limit)}: từ 1 đến {ReviewQueue.MaxLimit}");
            }

            var builder = await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct);
            if (!string.IsNullOrEmpty(builder.Configuration["Monitor:Elasticsearch:Url"]))
            {
                throw new UserInputException("Monitor:Elasticsearch:Url đã đặt: hàng 'Cần xem xét' chỉ đọc chủ đề đã gắn trong kho SQLite, với kho Elasticsearch chưa hỗ trợ");
            }

            using var host = builder.Build();
            var id = r.GetValue(plan)!;
            var stored = await host.Services.GetRequiredService<PlanStore>().VersionsAsync(id, ct) is [.., var latest] ? latest
                : throw UserInputException.NoSuchPlan(id);
            var code = r.GetValue(theme);
            if (code is not null && stored.Plan.Themes.All(t => t.Code != code))
            {
                throw new UserInputException($"--theme '{code}': kế hoạch {id} không có chủ đề này");
            }

            var page = await host.Services.GetRequiredService<ReviewQueue>().ListAsync(stored, new ReviewFilter(code, r.GetValue(outlet), null, r.GetValue(limit)), ct);
            var jsonl = r.GetValue(format) == "jsonl";
            if (!jsonl)
            {
                await Console.Out.WriteLineAsync("theme\tgrade\tdoubt\tscore\trelevance\tarticle_id\toutlet\tpublished\ttitle\tevidence");
            }

            foreach (var i in page.Items)
            {
                var line = new Line(i.Theme, i.Grade, Math.Round(i.Doubt, 3), i.Score, i.Relevance, i.ArticleId, i.Outlet,
                    i.Published?.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Title,
                    i.Snippet is { } s ? s.Before + "[" + s.Match + "]" + s.After : null);
                await Console.Out.WriteLineAsync(jsonl ? JsonSerializer.Serialize(line, Json) : Tsv(line));
            }

            return 0;
        }));
        return command;
    }

    private static string Tsv(Line l) => string.Join('\t', new[]
    {
        l.Theme, l.Grade, l.Doubt.ToString("0.###", CultureInfo.InvariantCulture), l.Score.ToString("0.##", CultureInfo.InvariantCulture),
        l.Relevance?.ToString("0.###", CultureInfo.InvariantCulture) ?? "", l.ArticleId, l.Outlet, l.Published ?? "", l.Title, l.Evidence ?? "",
    }.Select(Clean));

    // A tab or line break inside a title or a snippet would split the row: read as a space.
    private static string Clean(string value) => value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
