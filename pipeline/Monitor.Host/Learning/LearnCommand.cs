using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Learning;
using Monitor.Host.Cli;
using Monitor.Host.Composition;
using Monitor.Storage.Learning;
using Monitor.Storage.Plans;

namespace Monitor.Host.Learning;

/// <summary>monitor feedback learn --plan ID: trains the plan's relevance model from analysts' decisions and the
/// tagger's confident hits and stores it (the taggers apply it from their next batch; `monitor retag` re-applies it
/// to stored articles).</summary>
internal static class LearnCommand
{
    public static Command Create()
    {
        var plan = new Option<string>("--plan") { Description = "Mã kế hoạch đã có trong kho.", Required = true };
        var command = new Command("learn", "Học mô hình mức liên quan của kế hoạch từ nhận xét của chuyên viên (và các bài gắn chắc chắn), lưu vào kho.") { plan, CommonOptions.DataDir };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            using var host = (await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct)).Build();
            var id = r.GetValue(plan)!;
            var stored = (await host.Services.GetRequiredService<PlanStore>().LatestAsync(ct)).FirstOrDefault(p => p.Id == id)
                ?? throw UserInputException.NoSuchPlan(id);
            var summary = await host.Services.GetRequiredService<RelevanceLearner>().LearnAsync(stored, ct);
            await Console.Out.WriteLineAsync(Describe(stored, summary));
            return 0;
        }));
        return command;
    }

    /// <summary>One Vietnamese line on what a training learnt.</summary>
    public static string Describe(StoredPlan plan, LearnSummary summary)
    {
        var model = summary.Model;
        var themes = model.Themes.Count == 0
            ? "chưa có chủ đề nào có nhận xét, không có mô hình (kết quả gắn không đổi)"
            : string.Join("; ", model.Themes.Select(t => string.Create(CultureInfo.InvariantCulture,
                $"{t.Key}: {t.Value.Confirmed} xác nhận, {t.Value.Rejected} bác bỏ, {t.Value.SelfRelevant} bài tự gắn chắc chắn{Near(t.Value)}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"kế hoạch {plan.Id} phiên bản {plan.Version}: học từ {model.FeedbackCount} nhận xét và {summary.Articles} bài; {themes}{(summary.Changed ? "" : " (mô hình không đổi)")}");
    }

    // Near misses (docs/tagging.md, "Learning from feedback"): how many added articles the matcher missed held a cue, and the cues.
    private static string Near(ThemeModel theme) => theme.Near == 0 || theme.NearCues is null ? ""
        : string.Create(CultureInfo.InvariantCulture, $", {theme.Near} bài được thêm mà bộ gắn bỏ sót (dấu hiệu yếu: {string.Join(", ", theme.NearCues)})");
}
