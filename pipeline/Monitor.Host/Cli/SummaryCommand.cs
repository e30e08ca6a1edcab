using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Time;
using Monitor.Elasticsearch;
using Monitor.Host.Composition;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Monitor.Reports;
using Monitor.Reports.Narrative;
using Monitor.Reports.Summary;

namespace Monitor.Host.Cli;

/// <summary>monitor summary --plan ID --week YYYY-Www: the weekly summary for leaders (docs/summary.md).</summary>
internal static class SummaryCommand
{
    public static Command Create()
    {
        var plan = new Option<string>("--plan") { Description = "Mã kế hoạch đã nạp.", Required = true };
        var week = new Option<string>("--week") { Description = "Tuần ISO theo giờ Việt Nam, dạng YYYY-Www (ví dụ 2024-W46).", Required = true };
        var format = new Option<string>("--format") { Description = "md, html, docx, json hoặc pdf (docx và pdf cần -o).", DefaultValueFactory = _ => "md" };
        var output = new Option<string?>("-o", "--output") { Description = "Ghi ra tệp này thay vì màn hình." };
        var command = new Command("summary", "Tóm tắt tuần cho lãnh đạo: chủ đề đã có, chưa có bài, chỉ tiêu chậm, bài tiêu biểu, văn bản được dẫn, việc tuần tới, đề xuất.")
        {
            plan, week, format, output, CommonOptions.DataDir,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var f = r.GetValue(format)!;
            if (!SummaryFormats.All.Contains(f))
            {
                throw new UserInputException($"--format '{f}': không hỗ trợ, dùng md, html, docx, json hoặc pdf");
            }

            var file = r.GetValue(output);
            if (file is not null)
            {
                OutputFile.Check(file, "tom-tat." + f);
            }
            if (file is null && SummaryFormats.NeedsFile(f))
            {
                throw new UserInputException($"--format {f} cần tệp đầu ra: thêm -o TỆP");
            }

            IsoWeek iso;
            try
            {
                iso = IsoWeek.Parse(r.GetValue(week)!);
            }
            catch (FormatException)
            {
                throw new UserInputException($"--week '{r.GetValue(week)}': tuần không hợp lệ, dùng dạng YYYY-Www (ví dụ 2024-W46)");
            }

            var builder = await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct);
            builder.Services.AddMonitorElasticsearch(builder.Configuration);
            builder.Services.AddMonitorReports();
            // With Monitor:Llm set, the narrative on top as the weekly job writes it; its warning goes to stderr, so
            // standard output stays the document (JSON included).
            var llm = LlmOptions.From(builder.Configuration);
            if (llm.Validate() is [var problem, ..])
            {
                throw new UserInputException(problem);
            }

            NarrativeWriter.Register(builder.Services, llm);
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            using var host = builder.Build();
            await host.Services.StartElasticsearchAsync(ct);
            var id = r.GetValue(plan)!;
            var summary = await host.Services.GetRequiredService<SummaryBuilder>().BuildAsync(id, iso, ct)
                ?? throw new UserInputException($"--plan '{id}': không có kế hoạch này trong kho");
            summary = await host.Services.GetRequiredService<NarrativeWriter>().AddToAsync(summary, ct);
            if (file is null)
            {
                await Console.Out.WriteAsync(SummaryFormats.Text(summary, f));
            }
            else
            {
                await OutputFile.WriteAsync(file, "tom-tat." + f, () => SummaryFormats.WriteFileAsync(summary, f, file, ct));
            }

            return 0;
        }));
        return command;
    }
}
