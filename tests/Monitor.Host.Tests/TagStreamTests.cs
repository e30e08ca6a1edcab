using System.Text;
using System.Text.Json;
using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Host.Tagging;
using Monitor.Lab.Bench;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>monitor tag's parallel path (chunks tagged on several workers, written in input order) against the plain
/// sequential one: each line read alone, tagged, written with the serializer, one after the other.</summary>
public sealed class TagStreamTests
{
    private const string ErrorText = "dòng không phải một bài viết JSON hợp lệ (JSON sai, thiếu id hoặc thiếu cả tiêu đề lẫn nội dung), bỏ qua";

    [Fact]
    public async Task Many_generated_articles_with_bad_lines_give_the_sequential_output_byte_for_byte_in_input_order()
    {
        var (plan, _, articles) = TagBench.Generate(4000);
        var lines = articles.ConvertAll(a => JsonSerializer.Serialize(new { id = a.Id, outlet = a.Outlet, title = a.Title, description = a.Description, text = a.Text }, ArticleJson.Options));
        lines.Insert(10, "{\"id\": \"broken\", ");
        lines.Insert(2500, "{\"id\": \"no-text\"}");
        lines.Add("");
        lines.Add("không phải JSON");

        await AssertSameAsSequentialAsync(new PlanMatcher(plan), lines);
    }

    [SharedDataFact("corpus/tuoitre-2024-11")]
    [Trait("Category", "Corpus")]
    public async Task The_real_corpus_three_times_over_gives_the_sequential_output_byte_for_byte()
    {
        var corpus = await File.ReadAllLinesAsync(RepositoryPaths.Shared("corpus/tuoitre-2024-11/articles.jsonl"));
        var plan = PlanFile.Load(Path.Combine(RepositoryPaths.Root, "pipeline", "plans", "kontum-2024-w46.sample.yaml"));

        await AssertSameAsSequentialAsync(new PlanMatcher(plan), [.. corpus, .. corpus, .. corpus]);
    }

    [Fact]
    public void A_line_written_by_hand_is_the_serializers_line_byte_for_byte_with_every_property_of_the_contract()
    {
        ThemeMatch[] themes =
        [
            new("1.2", 2.35, [new Evidence("Ngộ độc \"thực phẩm\" <b>", 0, 19, "title"), new Evidence("an toàn thực phẩm\n", 40, 58, "text")], ThemeGrade.Partial) { Relevance = 0.8125 },
            new("T7", 1, [], ThemeGrade.Mention),
            new("T8", 1e-7, [new Evidence("x", 1, 2, "description")]) { Relevance = 0 },
        ];
        foreach (var result in new[] { new TagResult("a1", "Báo", themes, ["3908/UBND-KGVX", "190-QĐ/TW"]), new TagResult("42", "", [], []) })
        {
            var buffer = new PooledBuffer(16);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ArticleJson.Options.Encoder }))
            {
                TagStream.WriteLine(writer, buffer, result);
            }

            var expected = JsonSerializer.Serialize(new { id = result.ArticleId, themes = result.Themes, references = result.References }, ArticleJson.Options) + "\n";
            Assert.Equal(expected, Encoding.UTF8.GetString(buffer.Written.Span));
            buffer.Return();
        }
    }

    private static async Task AssertSameAsSequentialAsync(PlanMatcher matcher, List<string> lines)
    {
        var expected = new StringBuilder();
        var expectedErrors = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            try
            {
                var result = matcher.Tag(ArticleLine.Read(Encoding.UTF8.GetBytes(lines[i]), deriveContentHash: false));
                expected.Append(JsonSerializer.Serialize(new { id = result.ArticleId, themes = result.Themes, references = result.References }, ArticleJson.Options)).Append('\n');
            }
            catch (FormatException)
            {
                expectedErrors.Append(System.Globalization.CultureInfo.InvariantCulture, $"lỗi: articles.jsonl:{i + 1}: {ErrorText}\n");
            }
        }

        using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        using var output = new MemoryStream();
        using var errors = new StringWriter { NewLine = "\n" };
        var bad = await TagStream.RunAsync(input, "articles.jsonl", output, errors, matcher.Tag, workers: 4, CancellationToken.None);

        Assert.True(input.Length > 4 * 512 * 1024, "the input spans several chunks");
        Assert.Equal(expectedErrors.ToString(), errors.ToString());
        Assert.Equal(expectedErrors.ToString().Count(c => c == '\n'), bad);
        Assert.Equal(expected.ToString(), Encoding.UTF8.GetString(output.ToArray()));
    }
}
