using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Core.Articles;
using Monitor.Host.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

[Trait("Category", "Process")]
public sealed class TagAndRetagCommandTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private static string PlanYaml(string keyword, string to) => $"""
        id: w46
        directive:
          title: Hướng dẫn tuyên truyền tuần 46
        themes:
        - code: '1.2'
          title: Phòng ngừa ngộ độc thực phẩm
          window: {"{"}from: 2024-11-11, to: {to}{"}"}
          keywords: ['{keyword}']
          rules: ['"bếp ăn" NEAR/3 "trường"']
          exclude: ['methanol']
        """;

    private static Article Article(string url, string title, string text, DateTimeOffset published) => new()
    {
        Id = ArticleId.FromCanonicalUrl(url), Url = url, CanonicalUrl = url, Outlet = "Báo Kon Tum", Title = title, Text = text,
        Published = published, FetchedAt = published, ContentHash = ArticleId.ContentHash(title, null, text),
    };

    [Fact]
    public async Task Tag_prints_one_line_per_article_in_the_contract_and_one_Vietnamese_error_line_for_a_malformed_one()
    {
        using var dir = new TempDir();
        var plan = Path.Combine(dir.Path, "plan.yaml");
        await File.WriteAllTextAsync(plan, PlanYaml("ngộ độc thực phẩm", "2024-11-30"));
        var input = Path.Combine(dir.Path, "articles.jsonl");
        var at = new DateTimeOffset(2024, 11, 12, 8, 0, 0, Vn);
        await File.WriteAllLinesAsync(input,
        [
            ArticleJson.Serialize(Article("https://x.vn/a", "Ngộ độc thực phẩm ở Đắk Hà", "Theo Công văn số 3908/UBND-KGVX, ...", at)),
            "{\"id\": \"broken\", ",
            ArticleJson.Serialize(Article("https://x.vn/b", "Thu hoạch cà phê", "Nông dân vào vụ.", at)),
            ArticleJson.Serialize(Article("https://x.vn/c", "Rượu pha methanol gây ngộ độc thực phẩm", "", at)),
        ]);

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "tag", "--plan", plan, "--format", "jsonl", input);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"lỗi: {input}:2: dòng không phải một bài viết JSON hợp lệ (JSON sai, thiếu id hoặc thiếu cả tiêu đề lẫn nội dung), bỏ qua"], run.Lines.Where(l => !l.StartsWith('{')));
        var lines = run.Lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal(["id", "themes", "references"], l.EnumerateObject().Select(p => p.Name)));
        var theme = Assert.Single(lines[0].GetProperty("themes").EnumerateArray());
        Assert.Equal("1.2", theme.GetProperty("code").GetString());
        Assert.Equal(3, theme.GetProperty("score").GetDouble());
        var evidence = Assert.Single(theme.GetProperty("evidence").EnumerateArray());
        Assert.Equal(["text", "start", "end", "field"], evidence.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Ngộ độc thực phẩm", evidence.GetProperty("text").GetString());
        Assert.Equal((0, 17, "title"), (evidence.GetProperty("start").GetInt32(), evidence.GetProperty("end").GetInt32(), evidence.GetProperty("field").GetString()));
        Assert.Equal(["3908/UBND-KGVX"], lines[0].GetProperty("references").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(lines[1].GetProperty("themes").EnumerateArray());
        Assert.Empty(lines[2].GetProperty("themes").EnumerateArray());   // excluded: methanol
    }

    [Fact]
    public async Task Tag_accepts_lines_with_only_an_id_and_a_title_or_text_and_keeps_the_input_order_over_many_chunks()
    {
        using var dir = new TempDir();
        var plan = Path.Combine(dir.Path, "plan.yaml");
        await File.WriteAllTextAsync(plan, PlanYaml("ngộ độc thực phẩm", "2024-11-30"));
        var input = Path.Combine(dir.Path, "articles.jsonl");
        var filler = string.Concat(Enumerable.Repeat("Nông dân vào vụ thu hoạch cà phê trên địa bàn. ", 60));
        var lines = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            // As the shared corpus writes them: url null, no canonical_url, no content_hash; ids as strings or numbers.
            object id = i % 2 == 0 ? $"tt-{i}" : i;
            lines.Add(i % 7 == 3
                ? JsonSerializer.Serialize(new { id, url = (string?)null, title = (string?)null, text = "Một vụ ngộ độc thực phẩm. " + filler })
                : JsonSerializer.Serialize(new { id, url = (string?)null, title = $"Tin {i}", published = "không rõ", text = filler }));
        }

        lines.Insert(1500, "{\"id\": \"no-text\"}");
        await File.WriteAllLinesAsync(input, lines);

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(2), "tag", "--plan", plan, input);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"lỗi: {input}:1501: dòng không phải một bài viết JSON hợp lệ (JSON sai, thiếu id hoặc thiếu cả tiêu đề lẫn nội dung), bỏ qua"], run.Lines.Where(l => !l.StartsWith('{')));
        var results = run.Lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3000, results.Count);
        for (var i = 0; i < 3000; i++)
        {
            Assert.Equal(i % 2 == 0 ? $"tt-{i}" : i.ToString(System.Globalization.CultureInfo.InvariantCulture), results[i].GetProperty("id").GetString());
            Assert.Equal(i % 7 == 3 ? 1 : 0, results[i].GetProperty("themes").GetArrayLength());
        }
    }

    [Fact]
    public async Task Retag_after_a_plan_edit_replaces_the_plans_tags_inside_its_windows_with_a_progress_bar_and_is_idempotent()
    {
        using var dir = new TempDir();
        var data = Path.Combine(dir.Path, "data");
        var db = await MonitorDatabase.OpenAsync(data, CancellationToken.None);
        await using (var connection = await db.ConnectAsync(CancellationToken.None))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            foreach (var (url, text, day) in new[] { ("https://x.vn/1", "Ngộ độc thực phẩm ở trường.", 12), ("https://x.vn/2", "Bếp ăn của trường bán trú.", 20), ("https://x.vn/3", "Bếp ăn trường học.", 1) })
            {
                await ArticleWriter.UpsertAsync(connection, tx, Article(url, "Tin", text, new DateTimeOffset(2024, day < 10 ? 12 : 11, day, 8, 0, 0, Vn)), DateTimeOffset.UnixEpoch, CancellationToken.None);
            }

            await tx.CommitAsync();
        }

        var plan = Path.Combine(dir.Path, "w46.yaml");
        await File.WriteAllTextAsync(plan, PlanYaml("ngộ độc thực phẩm", "2024-11-30"));
        var first = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "retag", "--plan", plan, "--data-dir", data);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("kế hoạch w46 phiên bản 1: gắn lại 2 bài trong khung 2024-11-11 .. 2024-11-30; 2 bài có chủ đề, 2 nhãn", first.Lines);
        Assert.Contains(first.Lines, l => l.StartsWith("Gắn lại chủ đề [", StringComparison.Ordinal) && l.EndsWith("100% 2/2 bài", StringComparison.Ordinal));

        await File.WriteAllTextAsync(plan, PlanYaml("an toàn thực phẩm", "2024-12-31"));
        var second = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "retag", "--plan", plan, "--data-dir", data);
        var third = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "retag", "--plan", "w46", "--data-dir", data);

        Assert.Contains("kế hoạch w46 phiên bản 2: gắn lại 3 bài trong khung 2024-11-11 .. 2024-12-31; 2 bài có chủ đề, 2 nhãn", second.Lines);
        Assert.Contains("kế hoạch w46 phiên bản 2: gắn lại 3 bài trong khung 2024-11-11 .. 2024-12-31; 2 bài có chủ đề, 2 nhãn", third.Lines);
        Assert.Equal(2, await CountAsync(db, "SELECT COUNT(*) FROM tags WHERE plan_id = 'w46' AND plan_version = 2"));
        Assert.Equal(0, await CountAsync(db, "SELECT COUNT(*) FROM tags WHERE plan_version = 1"));
        SqliteConnection.ClearAllPools();
    }

    private static async Task<long> CountAsync(MonitorDatabase db, string sql)
    {
        await using var connection = await db.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_plan_whose_rule_cannot_be_read_is_refused_with_one_line_naming_theme_rule_and_column()
    {
        using var dir = new TempDir();
        var plan = Path.Combine(dir.Path, "plan.yaml");
        await File.WriteAllTextAsync(plan, PlanYaml("ngộ độc thực phẩm", "2024-11-30").Replace("NEAR/3", "NEAR", StringComparison.Ordinal));
        var input = Path.Combine(dir.Path, "articles.jsonl");
        await File.WriteAllTextAsync(input, "");

        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "tag", "--plan", plan, input);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"lỗi: {plan}:9: chủ đề '1.2': luật '\"bếp ăn\" NEAR \"trường\"': 'NEAR': NEAR cần số từ tối đa giữa hai cụm, ví dụ NEAR/5 (cột 10)", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task Retag_of_a_plan_neither_on_disk_nor_in_the_store_is_one_error_line()
    {
        using var dir = new TempDir();
        var run = await MonitorProcess.RunAsync(TimeSpan.FromMinutes(1), "retag", "--plan", "khong-co", "--data-dir", dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("lỗi: 'khong-co' không phải tệp kế hoạch", Assert.Single(run.Lines), StringComparison.Ordinal);
    }
}
