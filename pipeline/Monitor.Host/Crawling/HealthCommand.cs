using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Crawlers.Sources;
using Monitor.Wording;
using Monitor.Host.Cli;
using Monitor.Host.Composition;
using Monitor.Storage.Crawl;
using Spectre.Console;

namespace Monitor.Host.Crawling;

/// <summary>monitor health: per source last success, new articles per day, errors by kind, extraction failures and
/// drift, silence longer than the source's rhythm; and the hosts paused after repeated failures.</summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "table hoặc json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("health", "Tình trạng các nguồn tin: lần thu thập thành công cuối, số bài mỗi ngày, lỗi, nguồn im lặng bất thường.")
        {
            format, CrawlCommand.Sources, CommonOptions.DataDir,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var file = r.GetValue(CrawlCommand.Sources)!;
            var known = File.Exists(file) || file != CrawlCommand.DefaultSources ? SourcesFile.Load(file).Select(s => s.Name) : [];
            var builder = await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct);
            builder.Services.AddSingleton<SourceHealthReport>();
            using var host = builder.Build();
            var lines = await host.Services.GetRequiredService<SourceHealthReport>().ComputeAsync(known, ct);
            var paused = await host.Services.GetRequiredService<CrawlState>().PausedHostsAsync(ct);
            if (r.GetValue(format) == "json")
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { sources = lines, paused_hosts = paused }, Json));
            }
            else
            {
                Print(Terminal.Create(), lines, paused);
            }

            return lines.Any(l => l.Silent || l.Drift) || paused.Count > 0 ? 1 : 0;
        }));
        return command;
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static void Print(IAnsiConsole console, IReadOnlyList<SourceHealthLine> lines, IReadOnlyList<PausedHost> paused)
    {
        var table = new Table().AddColumns("Nguồn", "Thành công cuối", "Bài mới/ngày (7 ngày)", "Lỗi (7 ngày)", "Lỗi trích xuất", "Tình trạng");
        foreach (var l in lines)
        {
            var errors = l.ErrorsByKind.Count == 0 ? "—" : string.Join(", ", l.ErrorsByKind.OrderByDescending(e => e.Value).Select(e => $"{Kind(e.Key)}: {e.Value}"));
            var extraction = SourceWords.Extraction(l);
            table.AddRow(Markup.Escape(l.Source), When(l.LastSuccess), l.ArticlesPerDay.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(errors), Markup.Escape(extraction), Markup.Escape(Status(l)));
        }

        console.Write(table);
        foreach (var p in paused)
        {
            console.WriteLine($"Máy chủ {p.Host} tạm dừng đến {When(p.Until)} sau {p.Failures} lần lỗi liên tiếp: {p.LastError}");
        }
    }

    private static string Status(SourceHealthLine l) => SourceWords.Status(l);

    private static string Kind(string kind) => SourceWords.ErrorKind(kind);

    private static string When(DateTimeOffset? instant) => SourceWords.When(instant);
}
