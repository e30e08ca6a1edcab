using System.CommandLine;
using Monitor.Core.Learning;
using Monitor.Core.Tagging;
using Monitor.Directives.Checking;
using Monitor.Storage;
using Monitor.Storage.Learning;

namespace Monitor.Host.Cli;

/// <summary>monitor tag: tags article JSON lines against a plan without writing to the store (it only reads the plan's
/// learnt relevance model from --data-dir when one was trained there, the second stage); exactly one line out per
/// article read: {"id", "themes": [{"code", "score", "evidence": [{"text", "start", "end", "field"}], "grade", "relevance"}], "references"}
/// (relevance only where a learnt model ran; mentions are graded "mention", docs/tagging.md).
/// Any line with an id (or a URL) and a title or text is an article (the rest is derived, <see cref="Monitor.Core.Articles.ArticleLine"/>);
/// one that is not is one error line on stderr naming file:line; the rest goes on (exit code 2 at the end). Tags on
/// every core, output in input order (<see cref="Tagging.TagStream"/>).
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
        var secondOpinion = new Option<int>("--second-opinion")
        {
            Description = "Hỏi thêm mô hình ngôn ngữ (cấu hình Monitor:Llm) về các cặp sát ngưỡng, tối đa N câu hỏi trong lần chạy này; câu trả lời lưu trong kho --data-dir; 0 là không hỏi.",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("tag", "Gắn chủ đề cho bài viết theo kế hoạch: điểm, bằng chứng, văn bản được trích dẫn.") { plan, format, input, bus, bootstrap, secondOpinion, CommonOptions.DataDir };
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
            var matcher = PlanChecker.Load(planPath, plan => new PlanMatcher(plan));
            var loaded = matcher.Plan;
            var model = loaded.Id is { } planId ? await StoredModelAsync(r.GetValue(CommonOptions.DataDir)!, planId, ct) : null;
            if (path != "-" && !File.Exists(path))
            {
                throw new UserInputException($"không có tệp bài viết '{path}'");
            }

            if (r.GetValue(secondOpinion) < 0)
            {
                throw new UserInputException($"--second-opinion '{r.GetValue(secondOpinion)}': cần số câu hỏi tối đa ≥ 0");
            }

            using var review = r.GetValue(secondOpinion) > 0
                ? await Tagging.SecondOpinion.SecondOpinionRun.StartAsync(r.GetValue(CommonOptions.DataDir)!, matcher, model, r.GetValue(secondOpinion), ct)
                : null;
            await using var reader = Tagging.TagStream.Open(path);
            await using var output = Console.OpenStandardOutput();
            var bad = await Tagging.TagStream.RunAsync(reader, path, output, Console.Error, a => matcher.Tag(a, model), Environment.ProcessorCount, ct,
                review is null ? null : review.ReviewAsync);
            return bad == 0 ? 0 : 2;
        }));
        return command;
    }

    /// <summary>The plan's learnt relevance model when the store under --data-dir has one (the file is only read,
    /// never created: tagging files needs no store).</summary>
    private static async Task<RelevanceModel?> StoredModelAsync(string dataDir, string planId, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(dataDir, MonitorDatabase.FileName)))
        {
            return null;
        }

        var db = await MonitorDatabase.OpenAsync(dataDir, ct);
        return await new RelevanceModels(db, TimeProvider.System).FindAsync(planId, ct);
    }
}
