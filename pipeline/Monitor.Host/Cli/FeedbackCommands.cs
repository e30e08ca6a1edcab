using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Articles;
using Monitor.Host.Composition;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;

namespace Monitor.Host.Cli;

/// <summary>monitor feedback export: analysts' decisions on tags as JSON lines (the tagging learner reads them).</summary>
internal static class FeedbackCommands
{
    /// <summary>One exported line: {"plan","article_id","theme","verdict","reason","user","at"}.</summary>
    internal sealed record Line(
        [property: JsonPropertyName("plan")] string Plan,
        [property: JsonPropertyName("article_id")] string ArticleId,
        [property: JsonPropertyName("theme")] string Theme,
        [property: JsonPropertyName("verdict")] string Verdict,
        [property: JsonPropertyName("reason")] string? Reason,
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("at")] string At);

    private static readonly JsonSerializerOptions Json = new(ArticleJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static Command Create()
    {
        var plan = new Option<string?>("--plan") { Description = "Mã kế hoạch (mặc định: mọi kế hoạch)." };
        var format = new Option<string>("--format") { Description = "jsonl (một dòng JSON mỗi nhận xét).", DefaultValueFactory = _ => "jsonl" };
        var export = new Command("export", "Xuất mọi nhận xét (lịch sử, cũ trước; nhận xét sau cùng cho mỗi bài × chủ đề là quyết định).") { plan, format, CommonOptions.DataDir };
        export.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            if (r.GetValue(format) != "jsonl")
            {
                throw new UserInputException($"--format '{r.GetValue(format)}': không hỗ trợ, dùng jsonl");
            }

            using var host = (await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct)).Build();
            // A mistyped plan id printed nothing with exit code 0, as a plan without decisions does (decisions may outlive
            // their plan in the store, so only an id with neither is refused).
            var decisions = await host.Services.GetRequiredService<FeedbackStore>().ListAsync(r.GetValue(plan), ct);
            if (decisions.Count == 0 && r.GetValue(plan) is { } id && (await host.Services.GetRequiredService<PlanStore>().LatestAsync(ct)).All(p => p.Id != id))
            {
                throw UserInputException.NoSuchPlan(id);
            }

            foreach (var e in decisions)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new Line(e.PlanId, e.ArticleId, e.Theme, e.VerdictName, e.Reason, e.User, FeedbackStore.Utc(e.At)), Json));
            }

            return 0;
        }));
        return new Command("feedback", "Nhận xét của chuyên viên về chủ đề đã gắn.") { export, Learning.LearnCommand.Create(), FeedbackQueueCommand.Create() };
    }
}
