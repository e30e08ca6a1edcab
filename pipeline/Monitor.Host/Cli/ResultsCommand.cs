using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Time;
using Monitor.Elasticsearch;
using Monitor.Host.Composition;
using Monitor.Reports;
using Monitor.Reports.Results;

namespace Monitor.Host.Cli;

/// <summary>monitor report results: the draft of the results report a directive asks for (docs/summary.md).</summary>
internal static class ResultsCommand
{
    public static Command Create()
    {
        var plan = new Option<string>("--plan") { Description = "Mã kế hoạch đã nạp.", Required = true };
        var from = new Option<string?>("--from") { Description = "Từ ngày (YYYY-MM-DD; mặc định: ngày bắt đầu sớm nhất của các chủ đề)." };
        var to = new Option<string?>("--to") { Description = "Đến hết ngày (YYYY-MM-DD; mặc định: ngày kết thúc của kế hoạch, không quá hôm nay)." };
        var format = new Option<string>("--format") { Description = "docx, md hoặc html.", DefaultValueFactory = _ => "docx" };
        var output = new Option<string>("-o", "--output") { Description = "Tệp báo cáo sẽ ghi.", Required = true };
        var command = new Command("results", "Dự thảo báo cáo kết quả thực hiện kế hoạch theo thể thức Nghị định 30/2020/NĐ-CP, kèm phụ lục các tin, bài được tính.")
        {
            plan, from, to, format, output, CommonOptions.DataDir,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var f = r.GetValue(format)!;
            if (!ResultsFormats.All.Contains(f))
            {
                throw new UserInputException($"--format '{f}': không hỗ trợ, dùng docx, md hoặc html");
            }

            OutputFile.Check(r.GetValue(output)!, "bao-cao." + f);
            var (start, end) = (Day(r.GetValue(from), "--from"), Day(r.GetValue(to), "--to"));
            if (start > end)
            {
                throw new UserInputException($"--from {start:yyyy-MM-dd} sau --to {end:yyyy-MM-dd}: đổi lại thứ tự hai ngày");
            }

            var builder = await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct);
            builder.Services.AddMonitorElasticsearch(builder.Configuration);
            builder.Services.AddMonitorReports();
            var issuer = builder.Configuration.GetSection("Monitor:Report").Get<ReportIssuer>() ?? new ReportIssuer();
            using var host = builder.Build();
            await host.Services.StartElasticsearchAsync(ct);
            var id = r.GetValue(plan)!;
            var report = await host.Services.GetRequiredService<ResultsBuilder>().BuildAsync(id, start, end, ct)
                ?? throw new UserInputException($"--plan '{id}': không có kế hoạch này trong kho");
            var today = DateOnly.FromDateTime(VietnamTime.ToLocal(host.Services.GetRequiredService<TimeProvider>().GetUtcNow()).DateTime);
            await OutputFile.WriteAsync(r.GetValue(output)!, "bao-cao." + f, () => ResultsFormats.WriteFileAsync(report, issuer, today, f, r.GetValue(output)!, ct));
            return 0;
        }));
        return command;
    }

    private static DateOnly? Day(string? value, string name) => value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new UserInputException($"{name} '{value}': ngày không hợp lệ, dùng dạng YYYY-MM-DD (ví dụ 2024-11-18)");
}
