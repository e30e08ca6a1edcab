using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Monitor.Core.Time;
using Monitor.Reports.Delivery;
using Monitor.Reports.Narrative;
using Monitor.Reports.Scheduling;
using Monitor.Reports.Tests.Support;
using Monitor.Storage.Plans;
using Monitor.Storage.Summaries;
using static Monitor.Storage.Contract.CoverageFixture;

namespace Monitor.Reports.Tests;

/// <summary>The scheduled summary: archived under reports/, replaced on a re-run, caught up once at start, e-mailed through a
/// real SMTP server on 127.0.0.1, retried after the server was unreachable; quota reminders sent once.</summary>
[Trait("Category", "Process")]
public sealed class ScheduledSummaryTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static SummaryOptions Options(int port) => new()
    {
        Recipients = new() { ["w46"] = ["phan.tich@stttt.example"] },
        Editors = new() { [A] = ["bien.tap@baokontum.example"] },
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "none", From = "monitor@stttt.example", TimeoutSeconds = 10 },
    };

    private static (WeeklySummaryRunner Runner, ReportArchive Archive, ListLogger<WeeklySummaryRunner> Log) Runner(SummaryStore store, SummaryOptions options)
    {
        var log = new ListLogger<WeeklySummaryRunner>();
        var archive = new ReportArchive(store.DataDir);
        var runner = new WeeklySummaryRunner(new PlanStore(store.Db, store.Time), store.Builder, new NarrativeWriter(new LlmOptions(), new HttpClient(), NullLogger<NarrativeWriter>.Instance),
            archive, new SummaryLedger(store.Db, store.Time), new SummaryMailer(options), options, store.Time, log);
        return (runner, archive, log);
    }

    [Fact]
    public async Task A_run_archives_md_html_and_docx_and_a_rerun_of_the_week_replaces_them()
    {
        await using var store = await SummaryStore.CreateAsync();
        await using var smtp = await SmtpServer.StartAsync();
        var (runner, archive, _) = Runner(store, Options(smtp.Port));

        await runner.RunAsync(IsoWeek.Parse("2024-W46"), CancellationToken.None);
        await runner.RunAsync(IsoWeek.Parse("2024-W47"), CancellationToken.None);
        var first = File.ReadAllText(archive.PathOf("w46", "2024-W47", "md"));
        await runner.RunAsync(IsoWeek.Parse("2024-W47"), CancellationToken.None);

        Assert.Equal(["2024-W47", "2024-W46"], archive.List().Select(a => a.Week));
        Assert.Equal(["docx", "html", "md"], archive.Latest("w46")!.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(first, File.ReadAllText(archive.PathOf("w46", "2024-W47", "md")));
        Assert.Equal(6, Directory.GetFiles(Path.Combine(store.DataDir, "reports", "w46")).Length);
        Assert.Equal(Path.Combine(store.DataDir, "reports", "w46", "2024-W46.html"), archive.PathOf("w46", "2024-W46", "html"));
    }

    [Fact]
    public async Task The_summary_is_mailed_once_with_an_html_body_and_the_word_file_attached()
    {
        await using var store = await SummaryStore.CreateAsync();
        await using var smtp = await SmtpServer.StartAsync();
        var (runner, _, _) = Runner(store, Options(smtp.Port));

        await runner.RunAsync(IsoWeek.Parse("2024-W47"), CancellationToken.None);
        await runner.RunAsync(IsoWeek.Parse("2024-W47"), CancellationToken.None);

        var message = Assert.Single(smtp.Messages());
        Assert.Equal("Tóm tắt tuần 47/2024 — kế hoạch w46", message.Subject);
        Assert.Equal(["phan.tich@stttt.example"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("<h1>Tóm tắt tuần 47/2024", message.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("2024-W47.docx", attachment.FileName);
        using var docx = new MemoryStream();
        await attachment.Content!.DecodeToAsync(docx);
        docx.Position = 0;
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false);
        Assert.StartsWith("Tóm tắt tuần 47/2024", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_mail_server_is_one_warning_the_summary_is_archived_and_the_next_run_sends_it()
    {
        await using var store = await SummaryStore.CreateAsync();
        var port = SmtpServer.FreePort();
        var (runner, archive, log) = Runner(store, Options(port));

        await runner.RunAsync(IsoWeek.Parse("2024-W46"), CancellationToken.None);
        await runner.RunAsync(IsoWeek.Parse("2024-W47"), CancellationToken.None);

        Assert.True(archive.Has("w46", "2024-W46") && archive.Has("w46", "2024-W47"));
        Assert.Equal(2, log.Warnings.Count()); // one line per run, not one per summary
        Assert.All(log.Warnings, w => Assert.StartsWith("không gửi được tóm tắt tuần 2024-W46 của kế hoạch w46 qua máy chủ thư 127.0.0.1:" + port, w, StringComparison.Ordinal));
        Assert.DoesNotContain('\n', string.Concat(log.Warnings));

        await using var smtp = await SmtpServer.StartAsync(port);
        await runner.RunAsync(IsoWeek.Parse("2024-W48"), CancellationToken.None);
        Assert.Equal(["Tóm tắt tuần 46/2024 — kế hoạch w46", "Tóm tắt tuần 47/2024 — kế hoạch w46", "Tóm tắt tuần 48/2024 — kế hoạch w46"],
            smtp.Messages().Select(m => m.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_missed_monday_run_is_caught_up_once_at_start()
    {
        await using var store = await SummaryStore.CreateAsync();
        var (runner, archive, _) = Runner(store, new SummaryOptions());
        var job = new WeeklySummaryJob(runner, archive, new SummaryOptions(), store.Time);
        // The machine was off on Monday 18 November 07:00 and starts on Tuesday: week 46 is written once.
        var tuesday = new DateTimeOffset(2024, 11, 19, 9, 0, 0, Vn);

        await job.CatchUpAsync(tuesday, CancellationToken.None);
        var written = File.GetLastWriteTimeUtc(archive.PathOf("w46", "2024-W46", "docx"));
        await job.CatchUpAsync(tuesday.AddHours(1), CancellationToken.None);

        Assert.Equal(["2024-W46"], archive.List().Select(a => a.Week));
        Assert.Equal(written, File.GetLastWriteTimeUtc(archive.PathOf("w46", "2024-W46", "docx")));
        Assert.Equal(new DateTimeOffset(2024, 11, 18, 7, 0, 0, Vn), WeeklySummaryJob.LastFireBefore("0 0 7 ? * MON", tuesday));
        Assert.Equal("2024-W46", WeeklySummaryJob.WeekBefore(new DateTimeOffset(2024, 11, 18, 7, 0, 0, Vn)).ToString());
    }

    [Fact]
    public async Task An_outlet_behind_with_three_days_left_gets_one_reminder_naming_the_quota_the_missing_count_and_the_uncovered_themes()
    {
        await using var store = await SummaryStore.CreateAsync();
        await using var smtp = await SmtpServer.StartAsync();
        var options = Options(smtp.Port);
        var reminders = new QuotaReminders(new PlanStore(store.Db, store.Time), store.Coverage, new SummaryLedger(store.Db, store.Time), new SummaryMailer(options), options,
            store.Time, NullLogger<QuotaReminders>.Instance);

        // Monday of W47: 6 days left, no reminder. Friday: A has 3 of the 4 articles due by Sunday, 2 days left.
        store.Time.Now = new DateTimeOffset(2024, 11, 18, 8, 0, 0, Vn);
        Assert.Equal(0, await reminders.RunAsync(CancellationToken.None));
        store.Time.Now = new DateTimeOffset(2024, 11, 22, 8, 0, 0, Vn);
        Assert.Equal(1, await reminders.RunAsync(CancellationToken.None));
        store.Time.Now = new DateTimeOffset(2024, 11, 23, 8, 0, 0, Vn);
        Assert.Equal(0, await reminders.RunAsync(CancellationToken.None));

        var message = Assert.Single(smtp.Messages());
        Assert.Equal($"Nhắc chỉ tiêu: {A} còn thiếu 1 tin, bài, còn 2 ngày đến hết kỳ", message.Subject);
        Assert.Equal(["bien.tap@baokontum.example", "phan.tich@stttt.example"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("«mỗi tuần 02 tin, bài»", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("đã có 3/4", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<li>2.5 Kỳ họp thứ 8 Quốc hội</li>", message.HtmlBody, StringComparison.Ordinal);
    }
}
