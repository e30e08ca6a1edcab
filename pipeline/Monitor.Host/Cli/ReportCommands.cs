using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Time;
using Monitor.Elasticsearch;
using Monitor.Host.Composition;
using Monitor.Host.Reports;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Host.Cli;

/// <summary>monitor report coverage|quotas|gaps|events: the coverage answers of stored plans, in four formats.</summary>
internal static class ReportCommands
{
    private static readonly Option<string?> Plan = new("--plan") { Description = "Mã kế hoạch (mặc định: mọi kế hoạch đã nạp)." };
    private static readonly Option<string?> From = new("--from") { Description = "Chỉ tính từ ngày này (YYYY-MM-DD, giờ Việt Nam)." };
    private static readonly Option<string?> To = new("--to") { Description = "Chỉ tính đến hết ngày này (YYYY-MM-DD)." };
    private static readonly Option<string?> AsOf = new("--as-of") { Description = "Tính đến hết ngày này, theo phiên bản kế hoạch có hiệu lực ngày đó (mặc định: hôm nay)." };
    private static readonly Option<string> Format = new("--format") { Description = "table, json, csv hoặc md.", DefaultValueFactory = _ => "table" };
    private static readonly Option<string> Period = new("--period") { Description = "Chia theo week (tuần), month (tháng) hoặc window (cả đợt).", DefaultValueFactory = _ => "week" };
    private static readonly Option<int> Days = new("--days") { Description = "Số ngày trước và sau mỗi sự kiện.", DefaultValueFactory = _ => 3 };

    private sealed record Request(DateOnly? From, DateOnly? To, DateOnly AsOf, CoveragePeriod Period, int Days);

    /// <summary>One plan's answer: the table the text formats lay out, and the typed rows JSON prints (those of the API).</summary>
    private sealed record Answer(ReportTable Table, object Rows);

    public static Command Create()
    {
        var coverage = Report("coverage", "Độ phủ: chủ đề × cơ quan báo chí × kỳ (tuần, tháng, cả đợt), chỉ tính trong thời gian của từng chủ đề.",
            async (s, p, q, ct) => Both(await s.CoverageAsync(p, new CoverageQuery(q.Period, q.From, q.To), ct), CoverageTables.Coverage, CoverageRows.Of),
            From, To, Period);
        var quotas = Report("quotas", "Chỉ tiêu: phải có, đã có, còn thiếu, đúng hay chậm tiến độ, và các bài được tính.",
            async (s, p, q, ct) => Both(await s.QuotasAsync(p, q.AsOf, QuotaDetail.Articles, ct), r => CoverageTables.Quotas(p.Id, p.Version, q.AsOf, r), CoverageRows.Of));
        var gaps = Report("gaps", "Khoảng trống: chủ đề chưa có bài, chỉ một cơ quan đưa tin, độ trễ, và tình trạng nguồn tin bên cạnh.",
            async (s, p, q, ct) => Both(await s.GapsAsync(p, q.AsOf, ct), CoverageTables.Gaps, CoverageRows.Of));
        var events = Report("events", "Sự kiện: số bài của kế hoạch trong những ngày quanh mỗi sự kiện.",
            async (s, p, q, ct) => Both(await s.EventsAsync(p, q.Days, ct), r => CoverageTables.Events(p.Id, p.Version, q.Days, r), CoverageRows.Of), Days);
        return new Command("report", "Báo cáo từ kho dữ liệu.") { coverage, quotas, gaps, events, ResultsCommand.Create() };
    }

    private static Command Report(string name, string description, Func<ICoverageStore, StoredPlan, Request, CancellationToken, Task<Answer>> build, params Option[] extra)
    {
        var command = new Command(name, description) { Plan, AsOf, Format, CommonOptions.DataDir };
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }

        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var format = r.GetValue(Format)!;
            if (!ReportWriter.Formats.Contains(format))
            {
                throw new UserInputException($"--format '{format}': không hỗ trợ, dùng table, json, csv hoặc md");
            }

            var builder = await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct);
            builder.Services.AddMonitorElasticsearch(builder.Configuration);
            using var host = builder.Build();
            await host.Services.StartElasticsearchAsync(ct);
            var today = DateOnly.FromDateTime(VietnamTime.ToLocal(host.Services.GetRequiredService<TimeProvider>().GetUtcNow()).DateTime);
            var request = Parse(r, today);
            var store = host.Services.GetRequiredService<ICoverageStore>();
            var wanted = r.GetValue(Plan);
            var ids = (await host.Services.GetRequiredService<PlanStore>().LatestAsync(ct)).Select(p => p.Id).Where(id => wanted is null || id == wanted).ToList();
            if (ids.Count == 0)
            {
                throw new UserInputException(wanted is null ? "chưa có kế hoạch nào trong kho: chạy 'monitor plan load PLAN' trước" : $"--plan '{wanted}': không có kế hoạch này trong kho");
            }

            var answers = new List<(StoredPlan Plan, Answer Answer)>();
            var exit = 0;
            foreach (var id in ids)
            {
                // Coverage as of a day is computed against the plan version in force that day.
                if (await store.PlanInForceAsync(id, request.AsOf, ct) is not { } plan)
                {
                    await Console.Error.WriteLineAsync($"lỗi: kế hoạch '{id}' không còn trong kho");
                    exit = 2;
                    continue;
                }

                answers.Add((plan, await build(store, plan, request, ct)));
            }

            if (format == "json")
            {
                ReportJson.Write(answers.Select(a => new ReportJson.PlanRows(a.Plan.Id, a.Plan.Version, a.Answer.Rows)).ToList(), Console.Out);
            }
            else
            {
                ReportWriter.Write(answers.Select(a => a.Answer.Table).ToList(), format, Console.Out, Terminal.Create());
            }

            return exit;
        }));
        return command;
    }

    private static Answer Both<T, TRow>(T answer, Func<T, ReportTable> table, Func<T, IReadOnlyList<TRow>> rows) => new(table(answer), rows(answer));

    private static Request Parse(ParseResult r, DateOnly today)
    {
        var from = Day(r, From);
        var to = Day(r, To);
        if (from > to)
        {
            throw new UserInputException($"--from {from:yyyy-MM-dd} sau --to {to:yyyy-MM-dd}: đổi lại thứ tự hai ngày");
        }

        var period = r.GetValue(Period) switch
        {
            "week" or null => CoveragePeriod.Week,
            "month" => CoveragePeriod.Month,
            "window" => CoveragePeriod.Window,
            var p => throw new UserInputException($"--period '{p}': không hỗ trợ, dùng week, month hoặc window"),
        };
        var days = r.GetValue(Days);
        if (days < 0)
        {
            throw new UserInputException($"--days {days}: cần một số không âm");
        }

        return new Request(from, to, Day(r, AsOf) ?? to ?? today, period, days);
    }

    private static DateOnly? Day(ParseResult r, Option<string?> option)
    {
        var value = r.GetValue(option);
        if (value is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new UserInputException($"{option.Name} '{value}': ngày không hợp lệ, dùng dạng YYYY-MM-DD (ví dụ 2024-11-18)");
    }
}
