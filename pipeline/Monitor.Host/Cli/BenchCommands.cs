using System.CommandLine;
using Monitor.Host.Composition;
using Monitor.Lab.Bench;

namespace Monitor.Host.Cli;

/// <summary>monitor bench ...: one subcommand per measured target (figures recorded in README and docs/).</summary>
internal static class BenchCommands
{
    public static Command Create() => new("bench", "Đo hiệu năng (kết quả ghi trong README).")
    {
        Pipeline(), Extract(), Import(), Coverage(), Tag(), Crawl(), Kafka(), Summary(), Dashboard(), Learn(),
    };

    private static Command Pipeline()
    {
        var articles = new Option<int>("--articles") { Description = "Số bài sinh ra để đo.", DefaultValueFactory = _ => 20_000 };
        var pipeline = new Command("pipeline", "Đo tốc độ hàng đợi → gắn chủ đề → lưu trên cơ sở dữ liệu SQLite mới (bài/giây).") { articles };
        pipeline.SetAction((r, ct) => CommonOptions.Guard(() => PipelineBench.RunAsync(LabComposition.Executable, r.GetValue(articles), ct)));
        return pipeline;
    }

    private static Command Kafka()
    {
        var articles = new Option<int>("--articles") { Description = "Số bài sinh ra để đo.", DefaultValueFactory = _ => 20_000 };
        var taggers = new Option<int>("--taggers") { Description = "Số thành viên gắn chủ đề trong nhóm tiêu thụ (1–6).", DefaultValueFactory = _ => 1 };
        var store = new Option<string>("--store") { Description = "Nơi ghi: sqlite, none (chỉ gắn chủ đề và xác nhận) hoặc elasticsearch (cần MONITOR_ELASTICSEARCH_URL).", DefaultValueFactory = _ => "sqlite" };
        var kafka = new Command("kafka", "Đo tốc độ Kafka (cụm giả lập 3 broker) → gắn chủ đề → lưu: bài/giây, độ trễ p50/p99.") { articles, taggers, store };
        kafka.SetAction((r, ct) => CommonOptions.Guard(() =>
        {
            var (count, members, where) = (r.GetValue(articles), r.GetValue(taggers), r.GetValue(store)!);
            var elasticsearch = Environment.GetEnvironmentVariable("MONITOR_ELASTICSEARCH_URL");
            return count < 1 ? throw new UserInputException($"--articles {count}: phải lớn hơn 0")
                : members is < 1 or > 6 ? throw new UserInputException($"--taggers {members}: phải từ 1 đến 6 (chủ đề có 6 phân vùng)")
                : !KafkaBench.Stores.Contains(where) ? throw new UserInputException($"--store '{where}': dùng sqlite, none hoặc elasticsearch")
                : where == "elasticsearch" && string.IsNullOrEmpty(elasticsearch) ? throw new UserInputException("--store elasticsearch: cần đặt MONITOR_ELASTICSEARCH_URL=http://HOST:9200")
                : KafkaBench.RunAsync(LabComposition.Executable, count, members, where, elasticsearch, ct);
        }));
        return kafka;
    }

    private static Command Extract()
    {
        var corpus = new Option<string>("--corpus") { Description = "Thư mục kho trang thật dùng để đo.", DefaultValueFactory = _ => "../shared/corpus" };
        var extract = new Command("extract", "Đo F1 trích xuất nội dung, độ đúng tiêu đề và ngày, số trang/giây trên các trang thật đã lưu.") { corpus };
        extract.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var root = r.GetValue(corpus)!;
            if (!Directory.Exists(root))
            {
                throw new UserInputException($"không có thư mục '{root}': dùng --corpus DIR");
            }

            await Console.Out.WriteLineAsync(Monitor.Lab.ExtractionScoring.ExtractionBenchmark.Run(root, ct).ToTable());
            return 0;
        }));
        return extract;
    }

    private static Command Import()
    {
        var seeds = new Option<string>("--dir") { Description = "Thư mục văn bản chỉ đạo dùng để đo.", DefaultValueFactory = _ => "../shared/seeds" };
        var runs = new Option<int>("--runs") { Description = "Số lần nhập mỗi văn bản.", DefaultValueFactory = _ => 9 };
        var import = new Command("import", "Đo thời gian nhập một văn bản chỉ đạo thành kế hoạch (mili giây/văn bản).") { seeds, runs };
        import.SetAction((r, ct) => CommonOptions.Guard(() =>
        {
            var dir = r.GetValue(seeds)!;
            return Directory.Exists(dir) ? ImportBench.RunAsync(dir, Math.Max(1, r.GetValue(runs)), ct) : throw new UserInputException($"không có thư mục '{dir}': dùng --dir DIR");
        }));
        return import;
    }

    private static Command Coverage()
    {
        var stored = new Option<int>("--articles") { Description = "Số bài đã lưu sinh ra để đo.", DefaultValueFactory = _ => 1_000_000 };
        var keep = new Option<string?>("--data-dir") { Description = "Giữ kho đo tại thư mục này (dùng lại nếu đã có bài); mặc định: thư mục tạm, xóa sau khi đo." };
        var coverage = new Command("coverage", "Đo thời gian truy vấn độ phủ, chỉ tiêu, khoảng trống trên kho SQLite mới với số bài sinh ra (trung vị nhiều lần chạy).") { stored, keep };
        coverage.SetAction((r, ct) => CommonOptions.Guard(() => CoverageBench.RunAsync(r.GetValue(stored), r.GetValue(keep), ct)));
        return coverage;
    }

    private static Command Summary()
    {
        var stored = new Option<int>("--articles") { Description = "Số bài đã lưu sinh ra để đo (như bench coverage).", DefaultValueFactory = _ => 1_000_000 };
        var keep = new Option<string?>("--data-dir") { Description = "Giữ (và dùng lại) kho đo tại thư mục này, như bench coverage --data-dir." };
        var summary = new Command("summary", "Đo thời gian dựng một bản tóm tắt tuần (mọi truy vấn, md, html, docx) trên kho sinh ra của bench coverage.") { stored, keep };
        summary.SetAction((r, ct) => CommonOptions.Guard(() => SummaryBench.RunAsync(r.GetValue(stored), r.GetValue(keep), ct)));
        return summary;
    }

    private static Command Dashboard()
    {
        var stored = new Option<int>("--articles") { Description = "Số bài đã lưu sinh ra để đo (như bench coverage).", DefaultValueFactory = _ => 1_000_000 };
        var requests = new Option<int>("--requests") { Description = "Số yêu cầu mỗi đích đo (sau 3 yêu cầu khởi động).", DefaultValueFactory = _ => 100 };
        var keep = new Option<string?>("--data-dir") { Description = "Giữ (và dùng lại) kho đo tại thư mục này, như bench coverage --data-dir." };
        var dashboard = new Command("dashboard", "Đo bảng điều khiển như người dùng mở: monitor serve trên 127.0.0.1, đăng nhập, các trang (Tổng quan, Tìm kiếm, Cơ quan báo chí, Chủ đề, Bài viết, Nguồn tin, Cần xem xét) và API (độ phủ, biểu đồ, hàng đợi xem xét); thời gian máy chủ và khứ hồi p50/p95.") { stored, requests, keep };
        dashboard.SetAction((r, ct) => CommonOptions.Guard(() => DashboardBench.RunAsync(r.GetValue(stored), Math.Max(1, r.GetValue(requests)), r.GetValue(keep), ct)));
        return dashboard;
    }

    private static Command Tag()
    {
        var articles = new Option<int>("--articles") { Description = "Số bài sinh ra để đo.", DefaultValueFactory = _ => 20_000 };
        var cli = new Option<bool>("--cli") { Description = "Đo monitor tag như người dùng chạy (tiến trình mới, tệp JSONL vào và ra, mọi lõi) cạnh grep -F -o trên cùng văn bản đã chuẩn hóa." };
        var runs = new Option<int>("--runs") { Description = "Số lần đo xen kẽ với --cli.", DefaultValueFactory = _ => 3 };
        var tag = new Command("tag", "Đo tốc độ gắn chủ đề (MB/giây mỗi lõi, bài/giây) với kế hoạch sinh ra 500 chủ đề, 5.000 cụm từ; bộ nhớ của kế hoạch đã biên dịch.") { articles, cli, runs };
        tag.SetAction((r, ct) => CommonOptions.Guard(() => r.GetValue(cli)
            ? TagCliBench.RunAsync(r.GetValue(articles), Math.Max(1, r.GetValue(runs)), ct)
            : TagBench.RunAsync(r.GetValue(articles), ct)));
        return tag;
    }

    private static Command Learn()
    {
        var labels = new Option<string>("--labels") { Description = "Tệp nhãn (id, mã chủ đề).", DefaultValueFactory = _ => "tests/Monitor.Core.Tests/Data/tuoitre-w46-labels.tsv" };
        var corpus = new Option<string>("--corpus") { Description = "Tệp bài viết JSON Lines của mẫu.", DefaultValueFactory = _ => "../shared/corpus/tuoitre-2024-11/articles.jsonl" };
        var directive = new Option<string>("--directive") { Description = "Văn bản chỉ đạo, nhập tự động thành kế hoạch.", DefaultValueFactory = _ => "../shared/seeds/kontum-2024-w46-weekly-guidance.txt" };
        var folds = new Option<int>("--folds") { Description = "Số phần của kiểm định chéo.", DefaultValueFactory = _ => 5 };
        var repeats = new Option<int>("--repeats") { Description = "Số lần rút ngẫu nhiên (có hạt giống) các nhận xét cho mỗi điểm.", DefaultValueFactory = _ => 3 };
        var tuning = new Option<bool>("--tuning-only") { Description = "Chỉ kiểm định chéo trong nửa điều chỉnh (để chọn tham số mà không nhìn nửa để dành)." };
        var demote = new Option<double>("--demote-below") { Description = "Ngưỡng hạ xuống 'nhắc đến'.", DefaultValueFactory = _ => Monitor.Core.Learning.RelevanceOptions.Default.DemoteBelow };
        var promote = new Option<double>("--promote-above") { Description = "Ngưỡng nâng 'nhắc đến' thành được tính.", DefaultValueFactory = _ => Monitor.Core.Learning.RelevanceOptions.Default.PromoteAbove };
        var self = new Option<double>("--self-weight") { Description = "Trọng số các ví dụ tự gắn so với một nhận xét.", DefaultValueFactory = _ => Monitor.Core.Learning.RelevanceOptions.Default.SelfWeight };
        var themeL2 = new Option<double>("--theme-l2") { Description = "Mức phạt L2 phần trọng số riêng của từng chủ đề.", DefaultValueFactory = _ => Monitor.Core.Learning.RelevanceOptions.Default.ThemeL2 };
        var nearPromote = new Option<double>("--near-promote-above") { Description = "Ngưỡng thêm một cặp suýt khớp (bài có dấu hiệu yếu của chủ đề) thành được tính.", DefaultValueFactory = _ => Monitor.Core.Learning.RelevanceOptions.Default.NearPromoteAbove };
        var cuePrecision = new Option<double>("--cue-precision") { Description = "Tỷ lệ tối thiểu bài có dấu hiệu đã được gắn chủ đề để giữ dấu hiệu đó.", DefaultValueFactory = _ => Monitor.Core.Learning.RelevanceOptions.Default.CuePrecision };
        var nearLines = new Option<double[]>("--near-lines") { Description = "Nhiều ngưỡng thêm cặp suýt khớp để so sánh trên cùng các mô hình (thay --near-promote-above), ví dụ --near-lines 0.4 0.5 0.6.", AllowMultipleArgumentsPerToken = true };
        var noNear = new Option<bool>("--no-near-misses") { Description = "Không tìm cặp suýt khớp (như bộ học trước đây), để so sánh trước/sau trên cùng các lần rút." };
        var showNear = new Option<bool>("--show-near") { Description = "In các cặp suýt khớp được thêm (100 nhận xét, lần rút đầu) để đọc." };
        var draw = new Option<string>("--draw") { Description = "Cách chọn nhận xét mô phỏng: random (ngẫu nhiên, có hạt giống) hoặc queue (các cặp đầu hàng 'Cần xem xét', từng đợt --queue-round, xếp lại theo mô hình sau mỗi đợt).", DefaultValueFactory = _ => "random" };
        var queueRound = new Option<int>("--queue-round") { Description = "Số nhận xét mỗi đợt khi --draw queue.", DefaultValueFactory = _ => 25 };
        var minCue = new Option<int>("--min-cue-articles") { Description = "Số bài huấn luyện tối thiểu chứa một dấu hiệu để giữ dấu hiệu đó.", DefaultValueFactory = _ => Monitor.Core.Learning.RelevanceOptions.Default.MinCueArticles };
        var units = new Option<bool>("--cue-word-units") { Description = "Chỉ giữ dấu hiệu là từ trọn vẹn của cụm từ (không vắt qua hai từ như 'năm đổi' của '40 năm đổi mới'); false để tắt.", DefaultValueFactory = _ => Monitor.Core.Learning.RelevanceOptions.Default.WordUnits };
        var nearWeight = new Option<double>("--near-weight") { Description = "Trọng số các cặp suýt khớp chưa có nhận xét (ví dụ 'không phải chủ đề').", DefaultValueFactory = _ => Monitor.Core.Learning.RelevanceOptions.Default.NearWeight };
        var nearL2 = new Option<double>("--near-l2") { Description = "Mức phạt L2 phần trọng số riêng cho các cặp suýt khớp của từng chủ đề.", DefaultValueFactory = _ => Monitor.Core.Learning.RelevanceOptions.Default.NearL2 };
        var learn = new Command("learn", "Đo độ chính xác và độ phủ khi học từ 0, 25, 50, 100, 200 nhận xét (kiểm định chéo trên mẫu đã gán nhãn; nửa điều chỉnh → nửa để dành).")
        {
            labels, corpus, directive, folds, repeats, tuning, demote, promote, self, themeL2, nearPromote, cuePrecision, minCue, units, nearWeight, nearL2, nearLines, noNear, showNear, draw, queueRound,
        };
        learn.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            foreach (var path in new[] { r.GetValue(labels)!, r.GetValue(corpus)!, r.GetValue(directive)! }.Where(p => !File.Exists(p)))
            {
                throw new UserInputException($"không có tệp '{path}' (dùng --labels, --corpus, --directive)");
            }

            if (r.GetValue(draw) is not ("random" or "queue") || r.GetValue(queueRound) < 1)
            {
                throw new UserInputException($"--draw '{r.GetValue(draw)}' --queue-round {r.GetValue(queueRound)}: dùng random hoặc queue, đợt ít nhất 1");
            }

            var plan = await new Monitor.Directives.DirectiveImporter().ImportAsync(r.GetValue(directive)!, new Monitor.Directives.DirectiveImportOptions(), ct);
            var sample = Monitor.Lab.Learning.LabelledSample.Load(r.GetValue(labels)!, r.GetValue(corpus)!);
            var options = Monitor.Core.Learning.RelevanceOptions.Default with { DemoteBelow = r.GetValue(demote), PromoteAbove = r.GetValue(promote), SelfWeight = r.GetValue(self), ThemeL2 = r.GetValue(themeL2),
                NearPromoteAbove = r.GetValue(nearPromote), CuePrecision = r.GetValue(cuePrecision), MinCueArticles = r.GetValue(minCue), WordUnits = r.GetValue(units), NearWeight = r.GetValue(nearWeight), NearL2 = r.GetValue(nearL2),
                MaxCues = r.GetValue(noNear) ? 0 : Monitor.Core.Learning.RelevanceOptions.Default.MaxCues };
            return await Monitor.Lab.Learning.FeedbackCurve.RunAsync(plan, sample, Math.Max(2, r.GetValue(folds)), Math.Max(1, r.GetValue(repeats)), [0, 25, 50, 100, 200],
                options, r.GetValue(tuning), Console.Out, ct, r.GetValue(nearLines), r.GetValue(showNear), r.GetValue(draw) == "queue" ? r.GetValue(queueRound) : 0);
        }));
        return learn;
    }

    private static Command Crawl()
    {
        var rounds = new Option<int>("--rounds") { Description = "Số lần thu thập lại toàn bộ trang mẫu (mỗi lần một kho mới) khi không giãn cách.", DefaultValueFactory = _ => 20 };
        var polite = new Option<bool>("--polite") { Description = "Đo thêm một lần với giãn cách mặc định (2 giây/máy chủ, khoảng 2 phút).", DefaultValueFactory = _ => true };
        var crawl = new Command("crawl", "Đo tốc độ thu thập ngược trang báo mẫu trên 127.0.0.1 (trang/giây, số bài tìm được), không giãn cách và với giãn cách mặc định.") { rounds, polite };
        crawl.SetAction((r, ct) => CommonOptions.Guard(() => CrawlBench.RunAsync(Math.Max(1, r.GetValue(rounds)), r.GetValue(polite), ct)));
        return crawl;
    }
}
