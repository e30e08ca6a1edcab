using System.CommandLine;
using System.Text.Json;
using Monitor.Core.Articles;
using Monitor.Directives.Checking;
using Monitor.Core.Tagging;

namespace Monitor.Host.Cli;

/// <summary>monitor tag: tags article JSON lines against a plan without touching the store; exactly one line out per
/// article read: {"id", "themes": [{"code", "score", "evidence": [{"text", "start", "end", "field"}]}], "references"}.
/// A line that is not an article is one error line on stderr naming file:line; the rest goes on (exit code 2 at the end).
/// With --bus it is the tagger role instead (the same as monitor work): articles from the bus, tagged against the
/// stored plans and stored.</summary>
internal static class TagCommand
{
    public static Command Create()
    {
        var plan = new Option<string?>("--plan") { Description = "Tệp kế hoạch (YAML hoặc JSON); bắt buộc khi gắn chủ đề cho một tệp." };
        var format = new Option<string>("--format") { Description = "jsonl.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl");
        var input = new Argument<string?>("ARTICLES") { Description = "Tệp bài viết JSON Lines; - để đọc từ đầu vào chuẩn.", Arity = ArgumentArity.ZeroOrOne };
        var bus = new Option<string?>("--bus") { Description = "Chạy vai trò gắn chủ đề trên hàng đợi: embedded (SQLite) hoặc kafka, như monitor work." };
        bus.AcceptOnlyFromAmong(BusOptions.Embedded, BusOptions.Kafka);
        var bootstrap = BusOptions.BootstrapServers();
        var command = new Command("tag", "Gắn chủ đề cho bài viết theo kế hoạch: điểm, bằng chứng, văn bản được trích dẫn.") { plan, format, input, bus, bootstrap, CommonOptions.DataDir };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            if (r.GetValue(bus) is { } role)
            {
                return role == BusOptions.Kafka
                    ? await Pipeline.WorkCommand.RunKafkaAsync(r.GetValue(CommonOptions.DataDir)!, r.GetValue(bootstrap), ct)
                    : await Pipeline.WorkCommand.RunAsync(r.GetValue(CommonOptions.DataDir)!, false, ct);
            }

            var planPath = r.GetValue(plan) ?? throw new UserInputException("thiếu --plan: tệp kế hoạch để gắn chủ đề cho tệp bài viết");
            var path = r.GetValue(input) ?? throw new UserInputException("thiếu tệp bài viết ARTICLES (hoặc - để đọc từ đầu vào chuẩn), hoặc dùng --bus để chạy vai trò gắn chủ đề");
            var matcher = new PlanMatcher(PlanChecker.Load(planPath));
            if (path != "-" && !File.Exists(path))
            {
                throw new UserInputException($"không có tệp bài viết '{path}'");
            }

            using var reader = path == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(path);
            var lineNumber = 0;
            var bad = 0;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                try
                {
                    var result = matcher.Tag(ArticleJson.Deserialize(line));
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { id = result.ArticleId, themes = result.Themes, references = result.References }, ArticleJson.Options));
                }
                catch (FormatException)
                {
                    // One line naming the file and line; the reader's English detail is not for the user.
                    bad++;
                    await Console.Error.WriteLineAsync($"lỗi: {path}:{lineNumber}: dòng không phải một bài viết JSON hợp lệ (JSON sai hoặc thiếu trường bắt buộc), bỏ qua");
                }
            }

            return bad == 0 ? 0 : 2;
        }));
        return command;
    }
}
