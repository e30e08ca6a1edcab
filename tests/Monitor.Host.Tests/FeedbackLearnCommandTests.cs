using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Host.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Storage.Feedback;
using Monitor.Storage.Plans;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>monitor feedback learn, then monitor tag with and without the learnt model, through the real executable.</summary>
[Trait("Category", "Process")]
public sealed class FeedbackLearnCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private static readonly Plan Plan = new()
    {
        Id = "w46",
        Themes = [new Theme { Code = "2.5", Title = "Kỳ họp thứ 8", Keywords = ["Quốc hội thông qua"] }],
    };

    private static string Filler(int i) => string.Concat(Enumerable.Repeat($"Nông dân huyện Đắk Hà vào vụ thu hoạch cà phê số {i}, giá tăng so với năm trước, thương lái thu mua tại vườn. ", 8));

    private static Article Article(string name, string title, string text) => new()
    {
        Id = ArticleId.FromCanonicalUrl($"https://x.vn/{name}"), Url = $"https://x.vn/{name}", CanonicalUrl = $"https://x.vn/{name}", Outlet = "x.vn",
        Title = title, Text = text, Published = new DateTimeOffset(2024, 11, 20, 9, 0, 0, TimeSpan.FromHours(7)),
        FetchedAt = new DateTimeOffset(2024, 11, 20, 9, 0, 0, TimeSpan.Zero), ContentHash = ArticleId.ContentHash(title, null, text),
    };

    private static Article Road(int i) => Article($"road-{i}", $"Khởi công đường vành đai {i}",
        $"Dự án đường vành đai {i} do Quốc hội thông qua chủ trương đầu tư năm ngoái. Nhà thầu thi công cao tốc, giải phóng mặt bằng, bàn giao mặt bằng sạch, nút giao và cầu vượt hoàn thành trước Tết. " + Filler(i));

    private static IEnumerable<Article> Articles() =>
    [
        .. Enumerable.Range(1, 8).Select(i => Article($"session-{i}", $"Quốc hội thông qua luật số {i}",
            $"Với đa số đại biểu tán thành, Quốc hội biểu quyết thông qua dự án luật tại kỳ họp. Đại biểu thảo luận tại hội trường, chất vấn bộ trưởng về điều khoản {i}.")),
        .. Enumerable.Range(1, 3).Select(Road),
        .. Enumerable.Range(1, 40).Select(i => Article($"coffee-{i}", $"Giá cà phê hôm nay số {i}", Filler(i))),
    ];

    [Fact]
    public async Task Learning_from_rejections_makes_monitor_tag_demote_a_similar_article_and_without_a_store_the_output_is_unchanged()
    {
        using var dir = new TempDir();
        var db = await MonitorDatabase.OpenAsync(dir.Path, CancellationToken.None);
        await new PlanStore(db, TimeProvider.System).SaveAsync(Plan, CancellationToken.None);
        await using (var connection = await db.ConnectAsync(CancellationToken.None))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            foreach (var article in Articles())
            {
                await ArticleWriter.UpsertAsync(connection, tx, article, DateTimeOffset.UnixEpoch, CancellationToken.None);
            }

            await tx.CommitAsync();
        }

        var feedback = new FeedbackStore(db, TimeProvider.System);
        await feedback.RecordAsync("w46", Road(1).Id, "2.5", Verdict.Rejected, null, "lan", CancellationToken.None);
        await feedback.RecordAsync("w46", Road(2).Id, "2.5", Verdict.Rejected, null, "lan", CancellationToken.None);
        SqliteConnection.ClearAllPools();
        var planFile = Path.Combine(dir.Path, "plan.yaml");
        await File.WriteAllTextAsync(planFile, PlanFile.ToYaml(Plan));
        var articles = Path.Combine(dir.Path, "new.jsonl");
        await File.WriteAllLinesAsync(articles, [ArticleJson.Serialize(Road(9))]);
        var empty = Path.Combine(dir.Path, "no-store");

        var before = await MonitorProcess.RunAsync(Limit, "tag", "--plan", planFile, articles, "--data-dir", empty);
        var learnt = await MonitorProcess.RunAsync(Limit, "feedback", "learn", "--plan", "w46", "--data-dir", dir.Path);
        var after = await MonitorProcess.RunAsync(Limit, "tag", "--plan", planFile, articles, "--data-dir", dir.Path);
        var missing = await MonitorProcess.RunAsync(Limit, "feedback", "learn", "--plan", "w47", "--data-dir", dir.Path);

        Assert.Equal(0, learnt.ExitCode);
        Assert.StartsWith("kế hoạch w46 phiên bản 1: học từ 2 nhận xét và 51 bài; 2.5: 0 xác nhận, 2 bác bỏ, 8 bài tự gắn chắc chắn", Assert.Single(learnt.Lines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(empty));   // tagging a file never creates a store
        var plain = Theme(Assert.Single(before.Lines));
        Assert.Equal("partial", plain.GetProperty("grade").GetString());
        Assert.False(plain.TryGetProperty("relevance", out _));
        var demoted = Theme(Assert.Single(after.Lines));
        Assert.Equal("mention", demoted.GetProperty("grade").GetString());
        Assert.True(demoted.GetProperty("relevance").GetDouble() < Monitor.Core.Learning.RelevanceOptions.Default.DemoteBelow);
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("lỗi: --plan 'w47': không có kế hoạch này trong kho (nạp bằng: monitor plan load TỆP)", Assert.Single(missing.Lines));
    }

    [Fact]
    public async Task Near_misses_are_learnt_only_when_the_deployment_turns_them_on_and_a_wrong_setting_is_one_line()
    {
        using var dir = new TempDir();
        var db = await MonitorDatabase.OpenAsync(dir.Path, CancellationToken.None);
        await new PlanStore(db, TimeProvider.System).SaveAsync(Plan, CancellationToken.None);
        // The session's subject without the plan's phrase: "Quốc hội" is a two-word piece of "Quốc hội thông qua".
        var missed = Article("dues", "Quốc hội chốt mức đóng kinh phí công đoàn 2%", "Chiều 27-11, Quốc hội chốt giữ mức đóng kinh phí công đoàn 2% quỹ lương. " + Filler(99));
        await using (var connection = await db.ConnectAsync(CancellationToken.None))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            foreach (var article in Articles().Append(missed))
            {
                await ArticleWriter.UpsertAsync(connection, tx, article, DateTimeOffset.UnixEpoch, CancellationToken.None);
            }

            await tx.CommitAsync();
        }

        await new FeedbackStore(db, TimeProvider.System).RecordAsync("w46", missed.Id, "2.5", Verdict.Added, null, "lan", CancellationToken.None);
        SqliteConnection.ClearAllPools();

        var off = await MonitorProcess.RunAsync(Limit, "feedback", "learn", "--plan", "w46", "--data-dir", dir.Path);
        var on = await MonitorProcess.RunAsync(Limit, new Dictionary<string, string> { ["Monitor__Learning__NearMisses"] = "true" },
            "feedback", "learn", "--plan", "w46", "--data-dir", dir.Path);
        var wrong = await MonitorProcess.RunAsync(Limit, new Dictionary<string, string> { ["Monitor__Learning__NearMisses"] = "có" },
            "feedback", "learn", "--plan", "w46", "--data-dir", dir.Path);

        Assert.Equal(0, off.ExitCode);
        Assert.DoesNotContain("bộ gắn bỏ sót", Assert.Single(off.Lines), StringComparison.Ordinal);
        Assert.Equal(0, on.ExitCode);
        Assert.Contains("1 bài được thêm mà bộ gắn bỏ sót (dấu hiệu yếu: ", Assert.Single(on.Lines), StringComparison.Ordinal);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Equal("lỗi: cấu hình Monitor:Learning:NearMisses = 'có' không hợp lệ: dùng true hoặc false", Assert.Single(wrong.Lines));
    }

    private static JsonElement Theme(string line) => JsonDocument.Parse(line).RootElement.GetProperty("themes")[0].Clone();
}
