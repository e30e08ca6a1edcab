using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Host.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>monitor feedback queue through the real executable: the review queue's rows in order as tab-separated
/// lines or JSON lines, decided pairs left out, bad input one line and exit code 2.</summary>
[Trait("Category", "Process")]
public sealed class FeedbackQueueCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task The_queue_is_printed_most_doubtful_first_themes_in_turn_without_decided_pairs()
    {
        using var dir = new TempDir();
        await SeedAsync(dir.Path);

        var tsv = await MonitorProcess.RunAsync(Limit, "feedback", "queue", "--plan", "w46", "--data-dir", dir.Path);
        var jsonl = await MonitorProcess.RunAsync(Limit, "feedback", "queue", "--plan", "w46", "--theme", "1.2", "--limit", "1", "--format", "jsonl", "--data-dir", dir.Path);

        Assert.Equal(0, tsv.ExitCode);
        Assert.Equal("theme\tgrade\tdoubt\tscore\trelevance\tarticle_id\toutlet\tpublished\ttitle\tevidence", tsv.Lines[0]);
        Assert.Equal(["1.2\tpartial\t1\t1\t\tr1\tBáo Kon Tum\t2024-11-18\tTin r1\tBếp ăn trường học và [ngộ độc thực phẩm] ở xã.",
                      "2.5\tmention\t0.4\t2.6\t\tr3\tĐài Kon Tum\t2024-11-18\tTin r3\tBếp ăn trường học và [ngộ độc thực phẩm] ở xã."], tsv.Lines.Skip(1));
        Assert.Equal(0, jsonl.ExitCode);
        using var json = JsonDocument.Parse(Assert.Single(jsonl.Lines));
        Assert.Equal(["theme", "grade", "doubt", "score", "relevance", "article_id", "outlet", "published", "title", "evidence"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("1.2", "r1", 1.0), (json.RootElement.GetProperty("theme").GetString(), json.RootElement.GetProperty("article_id").GetString(), json.RootElement.GetProperty("doubt").GetDouble()));
    }

    [Theory]
    [InlineData(new[] { "--plan", "nope" }, "lỗi: --plan 'nope': không có kế hoạch này trong kho (nạp bằng: monitor plan load TỆP)")]
    [InlineData(new[] { "--plan", "w46", "--theme", "9.9" }, "lỗi: --theme '9.9': kế hoạch w46 không có chủ đề này")]
    [InlineData(new[] { "--plan", "w46", "--limit", "0" }, "lỗi: --limit 0: từ 1 đến 500")]
    [InlineData(new[] { "--plan", "w46", "--format", "csv" }, "lỗi: --format 'csv': không hỗ trợ, dùng tsv hoặc jsonl")]
    public async Task Bad_input_is_one_line_and_exit_code_2(string[] args, string message)
    {
        using var dir = new TempDir();
        await SeedAsync(dir.Path);

        var (exit, lines) = await MonitorProcess.RunAsync(Limit, ["feedback", "queue", .. args, "--data-dir", dir.Path]);

        Assert.Equal(2, exit);
        Assert.Equal(message, Assert.Single(lines));
    }

    // A partial hit at the threshold (r1), a partial hit an analyst already confirmed (r2), a mention that nearly counted (r3).
    private static async Task SeedAsync(string path)
    {
        var db = await MonitorDatabase.OpenAsync(path, Ct);
        var plan = await new PlanStore(db, TimeProvider.System).SaveAsync(new Plan
        {
            Id = "w46",
            Themes =
            [
                new Theme { Code = "1.2", Title = "Phòng ngừa ngộ độc thực phẩm", Keywords = ["ngộ độc thực phẩm"] },
                new Theme { Code = "2.5", Title = "Kỳ họp thứ 8 Quốc hội", Keywords = ["kỳ họp thứ 8"] },
            ],
        }, Ct);
        const string Text = "Bếp ăn trường học và ngộ độc thực phẩm ở xã.";
        List<Evidence> evidence = [new("ngộ độc thực phẩm", 21, 38, "text")];
        await using (var connection = await db.ConnectAsync(Ct))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct))
        {
            foreach (var (id, outlet, match) in new[]
            {
                ("r1", "Báo Kon Tum", new ThemeMatch("1.2", 1.0, evidence, ThemeGrade.Partial)),
                ("r2", "Báo Kon Tum", new ThemeMatch("1.2", 1.0, evidence, ThemeGrade.Partial)),
                ("r3", "Đài Kon Tum", new ThemeMatch("2.5", 2.6, evidence, ThemeGrade.Mention)),
            })
            {
                var article = new Article
                {
                    Id = id, Url = $"http://x.vn/{id}", CanonicalUrl = $"http://x.vn/{id}", Outlet = outlet, Title = "Tin " + id, Text = Text,
                    Published = new DateTimeOffset(2024, 11, 18, 8, 0, 0, TimeSpan.FromHours(7)), ContentHash = "h" + id,
                };
                await ArticleWriter.UpsertAsync(connection, tx, article, DateTimeOffset.UnixEpoch, Ct);
                await ArticleWriter.ReplaceTagsAsync(connection, tx, plan.Id, plan.Version, new TagResult(id, outlet, [match], []), DateTimeOffset.UnixEpoch, Ct);
            }

            await tx.CommitAsync(Ct);
        }

        await new FeedbackStore(db, TimeProvider.System).RecordAsync("w46", "r2", "1.2", Verdict.Confirmed, null, "lan", Ct);
        SqliteConnection.ClearAllPools();
    }
}
