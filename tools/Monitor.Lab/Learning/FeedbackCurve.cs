using System.Diagnostics;
using System.Globalization;
using System.Text;
using Monitor.Core.Learning;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;

namespace Monitor.Lab.Learning;

/// <summary>monitor bench learn: precision and recall of the tagger with the learnt second stage against the number of
/// analysts' decisions, on the labelled sample (issue 14 item 4). Decisions are simulated from the labels of the
/// training part: an analyst reviews a pair the tagger showed (any grade) and confirms or rejects it, or adds a
/// labelled theme the tagger missed; N of them are drawn at random (seeded) from every decision the training part
/// allows. The model is trained on them and on the tagger's own confident hits among the training part and the
/// corpus's unlabelled articles, never the scored part, and scored on the part it did not see. An "added" decision on an
/// article the matcher missed that holds one of the theme's cues teaches the model that theme's near misses
/// (<c>Monitor.Core.Learning.NearMisses</c>); the last column counts the near misses it promoted.</summary>
public static class FeedbackCurve
{
    /// <summary>One measured point: counts summed over folds and repeats.</summary>
    public sealed record Point(int Asked, double Drawn, Counts HeldOut, Counts Training);

    /// <summary>True positives, false positives, false negatives over (article, theme) pairs; of the counted ones, the
    /// near misses the model promoted (the matcher had not found the pair): right and wrong.</summary>
    public sealed record Counts(int Tp, int Fp, int Fn, int NearTp = 0, int NearFp = 0)
    {
        public double Precision => Tp + Fp == 0 ? 1 : Tp / (double)(Tp + Fp);

        public double Recall => Tp + Fn == 0 ? 1 : Tp / (double)(Tp + Fn);

        public static Counts operator +(Counts a, Counts b) => new(a.Tp + b.Tp, a.Fp + b.Fp, a.Fn + b.Fn, a.NearTp + b.NearTp, a.NearFp + b.NearFp);

        public string Show(int repeats) => string.Create(CultureInfo.InvariantCulture,
            $"{Precision:0.000} ({Tp / (double)repeats:0.#}/{(Tp + Fp) / (double)repeats:0.#}) | {Recall:0.000} ({Tp / (double)repeats:0.#}/{(Tp + Fn) / (double)repeats:0.#})");
    }

    /// <param name="tuningOnly">Cross-validate within the tuning half only, and skip the held-out half: for choosing
    /// <paramref name="options"/> without looking at the held-out half.</param>
    /// <param name="nearLines">Near-miss promotion lines to score each trained model with (one table each; the line does
    /// not change the training); empty: <see cref="RelevanceOptions.NearPromoteAbove"/> of <paramref name="options"/>.</param>
    public static async Task<int> RunAsync(Plan plan, LabelledSample sample, int folds, int repeats, IReadOnlyList<int> points, RelevanceOptions options, bool tuningOnly,
        TextWriter output, CancellationToken ct, IReadOnlyList<double>? nearLines = null, bool showNear = false, int queueRound = 0)
    {
        _trace = showNear ? [] : null;
        _queueRound = queueRound;
        ArgumentNullException.ThrowIfNull(options);
        var lines = nearLines is { Count: > 0 } ? nearLines : [options.NearPromoteAbove];
        ArgumentNullException.ThrowIfNull(sample);
        if (tuningOnly)
        {
            sample = sample with { Labelled = [.. sample.Labelled.Where(a => !LabelledSample.IsHeldOut(a.Id))] };
        }

        var clock = Stopwatch.StartNew();
        var matcher = new PlanMatcher(plan);
        var found = sample.Labelled.Concat(sample.Rest).ToDictionary(a => a.Id, a => matcher.Tag(a), StringComparer.Ordinal);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Mẫu đã gán nhãn: {sample.Labelled.Count} bài, {sample.Labelled.Sum(a => sample.Labels[a.Id].Count)} cặp (bài, chủ đề); {sample.Rest.Count} bài không nhãn; kế hoạch {plan.Id}, {plan.Themes.Count} chủ đề."));

        // k-fold: each fold scored by a model trained on decisions drawn from the other k-1.
        await output.WriteLineAsync($"\n{folds}-fold cross-validation, {repeats} draws per point (P and R counted grades; counts per draw, summed over folds)\n");
        var parts = Enumerable.Range(0, folds).Select(f => (Train: (Func<string, bool>)(id => LabelledSample.Fold(id, folds) != f), Test: (Func<string, bool>)(id => LabelledSample.Fold(id, folds) == f))).ToList();
        await WriteAsync(output, Measure(plan, matcher, sample, found, parts, repeats, points, options, lines, ct), repeats);
        await WriteTraceAsync(output);

        if (tuningOnly)
        {
            return 0;
        }

        // The fixed halves: decisions from the tuning half only, scored on the held-out half.
        await output.WriteLineAsync("\nTuning half → held-out half (docs/tagging-quality.md split: odd first SHA-256 byte of the id is held out)\n");
        await WriteAsync(output, Measure(plan, matcher, sample, found, [(id => !LabelledSample.IsHeldOut(id), LabelledSample.IsHeldOut)], repeats, points, options, lines, ct), repeats);
        await WriteTraceAsync(output);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"\n{clock.Elapsed.TotalSeconds:0.0} s"));
        return 0;
    }

    private static Dictionary<double, List<Point>> Measure(Plan plan, PlanMatcher matcher, LabelledSample sample, Dictionary<string, TagResult> found,
        List<(Func<string, bool> Train, Func<string, bool> Test)> parts, int repeats, IReadOnlyList<int> points, RelevanceOptions options, IReadOnlyList<double> lines, CancellationToken ct)
    {
        var result = lines.ToDictionary(line => line, _ => new List<Point>());
        var baseline = new Counts(0, 0, 0);
        var baselineTrain = new Counts(0, 0, 0);
        foreach (var (train, test) in parts)
        {
            baseline += Score(sample, found, test, null);
            baselineTrain += Score(sample, found, train, null);
        }

        foreach (var line in lines)
        {
            result[line].Add(new Point(-1, 0, Times(baseline, repeats), Times(baselineTrain, repeats)));
        }

        foreach (var asked in points)
        {
            var heldOut = lines.ToDictionary(line => line, _ => new Counts(0, 0, 0));
            var training = lines.ToDictionary(line => line, _ => new Counts(0, 0, 0));
            var drawn = 0;
            for (var repeat = 0; repeat < repeats; repeat++)
            {
                foreach (var (train, test) in parts)
                {
                    ct.ThrowIfCancellationRequested();
                    var pool = Pool(sample, found, train);
                    var rng = new Random(1000 * repeat + 46);
                    var decisions = _queueRound > 0
                        ? ReviewDraw.Take(plan, matcher, sample, found, train, options, _queueRound, asked, ct)
                        : pool.OrderBy(_ => rng.Next()).Take(asked).ToList();
                    drawn += decisions.Count;
                    var articles = sample.Labelled.Where(a => train(a.Id)).Concat(sample.Rest);
                    var trained = RelevanceTrainer.Train(plan.Id ?? "plan", 1, matcher, articles, decisions, options);
                    _trace?.AddRange(asked == 100 && repeat == 0 ? trained.Themes.Where(t => t.Value.NearCues is not null).Select(t => $"  cues {t.Key}: {string.Join(", ", t.Value.NearCues!)}") : []);
                    foreach (var line in lines)
                    {
                        var model = WithNearLine(trained, line);
                        heldOut[line] += Score(sample, found, test, model, asked == 100 && repeat == 0 && line == lines[0] ? _trace : null);
                        training[line] += Score(sample, found, train, model);
                    }
                }
            }

            foreach (var line in lines)
            {
                result[line].Add(new Point(asked, drawn / (double)(repeats * parts.Count), heldOut[line], training[line]));
            }
        }

        return result;
    }

    // The same trained model with another near-miss promotion line (a model without near misses is unchanged).
    private static RelevanceModel WithNearLine(RelevanceModel model, double line) => model.NearPromoteAbove == 0 || model.NearPromoteAbove == line ? model : new RelevanceModel
    {
        PlanId = model.PlanId, PlanVersion = model.PlanVersion, FeedbackCount = model.FeedbackCount, FeatureVersion = model.FeatureVersion,
        DemoteBelow = model.DemoteBelow, PromoteAbove = model.PromoteAbove, NearPromoteAbove = line, Shared = model.Shared, Themes = model.Themes,
    };

    /// <summary>Every decision an analyst could make on the training part: each pair the tagger showed (confirmed when
    /// labelled, rejected when not) and each labelled pair it missed (added); in a fixed order before the seeded draw.</summary>
    private static List<FeedbackDecision> Pool(LabelledSample sample, Dictionary<string, TagResult> found, Func<string, bool> train)
    {
        var pool = new List<FeedbackDecision>();
        foreach (var article in sample.Labelled.Where(a => train(a.Id)).OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var truth = sample.Labels[article.Id];
            var shown = found[article.Id].Themes.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
            pool.AddRange(shown.Order(StringComparer.Ordinal).Select(code => new FeedbackDecision(article.Id, code, truth.Contains(code))));
            pool.AddRange(truth.Except(shown).Order(StringComparer.Ordinal).Select(code => new FeedbackDecision(article.Id, code, true)));
        }

        return pool;
    }

    // --draw queue: decisions in rounds of this many from the review queue (0: drawn at random).
    private static int _queueRound;

    // --show-near: the near misses promoted on scored articles at 100 decisions, first draw (a reading, not a figure).
    private static List<string>? _trace;

    private static async Task WriteTraceAsync(TextWriter output)
    {
        if (_trace is null)
        {
            return;
        }

        await output.WriteLineAsync($"\nnear misses promoted at 100 decisions, first draw ({_trace.Count}):");
        foreach (var line in _trace)
        {
            await output.WriteLineAsync(line);
        }

        _trace.Clear();
    }

    private static Counts Score(LabelledSample sample, Dictionary<string, TagResult> found, Func<string, bool> part, RelevanceModel? model, List<string>? trace = null)
    {
        int tp = 0, fp = 0, fn = 0, nearTp = 0, nearFp = 0;
        foreach (var article in sample.Labelled.Where(a => part(a.Id)))
        {
            var result = model is null ? found[article.Id] : model.Apply(article, found[article.Id]);
            var counted = result.Themes.Where(t => t.Counts).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
            var truth = sample.Labels[article.Id];
            tp += counted.Count(truth.Contains);
            fp += counted.Count(c => !truth.Contains(c));
            fn += truth.Count(c => !counted.Contains(c));
            var near = counted.Where(c => found[article.Id].Themes.All(t => t.Code != c)).ToList();
            nearTp += near.Count(truth.Contains);
            foreach (var code in trace is null ? [] : near)
            {
                var m = result.Themes.First(t => t.Code == code);
                trace!.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  {(truth.Contains(code) ? "right" : "WRONG")} {code} p {m.Relevance:0.00} [{string.Join(", ", m.Evidence.Select(e => e.Field + ":" + e.Text).Distinct().Take(4))}] {article.Id} {article.Title}"));
            }

            nearFp += near.Count(c => !truth.Contains(c));
        }

        return new Counts(tp, fp, fn, nearTp, nearFp);
    }

    private static Counts Times(Counts c, int n) => new(c.Tp * n, c.Fp * n, c.Fn * n);

    private static async Task WriteAsync(TextWriter output, Dictionary<double, List<Point>> tables, int repeats)
    {
        foreach (var (line, points) in tables)
        {
            if (tables.Count > 1)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"\nnear misses promoted at p ≥ {line}\n"));
            }

            await WriteAsync(output, points, repeats);
        }
    }

    private static async Task WriteAsync(TextWriter output, List<Point> points, int repeats)
    {
        var s = new StringBuilder("| decisions | held-out P | held-out R | training P | training R | near misses promoted, held-out: right / wrong |\n|---|---|---|---|---|---|\n");
        foreach (var p in points)
        {
            var heldOut = p.HeldOut.Show(repeats).Split(" | ");
            var training = p.Training.Show(repeats).Split(" | ");
            var name = p.Asked < 0 ? "no model" : p.Drawn < p.Asked ? string.Create(CultureInfo.InvariantCulture, $"{p.Asked} (all: {p.Drawn:0})") : p.Asked.ToString(CultureInfo.InvariantCulture);
            s.Append(CultureInfo.InvariantCulture, $"| {name} | {heldOut[0]} | {heldOut[1]} | {training[0]} | {training[1]} | {p.HeldOut.NearTp / (double)repeats:0.#} / {p.HeldOut.NearFp / (double)repeats:0.#} |\n");
        }

        await output.WriteAsync(s.ToString());
    }
}
