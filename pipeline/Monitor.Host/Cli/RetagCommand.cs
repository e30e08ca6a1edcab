using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Directives.Checking;
using Monitor.Core.Tagging;
using Monitor.Elasticsearch;
using Monitor.Host.Composition;
using Monitor.Storage.Plans;
using Monitor.Wording;

namespace Monitor.Host.Cli;

/// <summary>monitor retag: after a plan changes, re-tags the stored articles inside its windows (from the store).</summary>
internal static class RetagCommand
{
    public static Command Create()
    {
        var plan = new Option<string>("--plan")
        {
            Description = "Tệp kế hoạch (nạp thành phiên bản mới nếu đã sửa) hoặc mã kế hoạch đã có trong kho.", Required = true,
        };
        var command = new Command("retag", "Gắn lại chủ đề cho các bài đã lưu trong khung thời gian của kế hoạch (thay thế nhãn cũ của kế hoạch đó).")
        {
            plan, CommonOptions.DataDir,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var builder = await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct);
            builder.Services.AddMonitorElasticsearch(builder.Configuration);
            using var host = builder.Build();
            await host.Services.StartElasticsearchAsync(ct);
            var store = host.Services.GetRequiredService<PlanStore>();
            var stored = await ResolveAsync(store, r.GetValue(plan)!, ct);
            using var review = await host.Services.GetRequiredService<IRetagReviewer>().StartAsync(stored, ct);
            // Every store a re-tag goes through, as the dashboard's re-tag: SQLite, then Elasticsearch when configured (in the
            // scaled-out deployment its articles are there only; over an embedded pipeline they are SQLite's copies). The
            // language model's second opinion, when its budget is set, reviews every store's re-tag within one budget (and one
            // cache: an article both stores hold is asked about once).
            foreach (var retagger in host.Services.GetServices<IStoreRetagger>())
            {
                var suffix = retagger is PlanRetagger ? "" : $" ({retagger.Store})";
                var bar = new ProgressBar(Console.Error, "Gắn lại chủ đề" + suffix);
                var summary = await retagger.RetagAsync(stored, review, bar, ct);
                bar.Finish();
                await Console.Out.WriteLineAsync(Line(stored, summary, suffix));
            }

            if (review is not null)
            {
                await Console.Error.WriteLineAsync(RetagWords.Reviewed(review.Count));
            }

            return 0;
        }));
        return command;
    }

    private static string Line(StoredPlan plan, RetagSummary summary, string store)
    {
        var window = $"{summary.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…"} .. {summary.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…"}";
        return $"kế hoạch {plan.Id} phiên bản {plan.Version}{store}: gắn lại {summary.Articles} bài trong khung {window}; {summary.Tagged} bài có chủ đề, {summary.Tags} nhãn";
    }

    private static async Task<StoredPlan> ResolveAsync(PlanStore store, string plan, CancellationToken ct)
    {
        if (File.Exists(plan))
        {
            var loaded = PlanChecker.Load(plan);
            _ = new PlanMatcher(loaded);   // a rule that cannot be read stops here, before a new version is stored
            return await store.SaveAsync(loaded, ct);
        }

        return (await store.LatestAsync(ct)).FirstOrDefault(p => p.Id == plan)
               ?? throw new UserInputException($"'{plan}' không phải tệp kế hoạch cũng không phải mã kế hoạch trong kho (nạp bằng: monitor plan load TỆP)");
    }
}
