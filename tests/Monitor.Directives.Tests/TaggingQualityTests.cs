using System.Globalization;
using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Directives.Tests.Support;
using Monitor.Tests.Shared;
using Xunit.Abstractions;

namespace Monitor.Directives.Tests;

/// <summary>Precision and recall of tagging against the hand-labelled Tuổi Trẻ sample (issue 4, "Quality, measured
/// and recorded"): the Kon Tum week-46 plan as imported automatically, and the same plan after an analyst's edits.
/// docs/tagging-quality.md records the figures; the floors below sit just under them.</summary>
[Trait("Category", "Corpus")]
public sealed class TaggingQualityTests(ITestOutputHelper output)
{
    private const string Seed = "kontum-2024-w46-weekly-guidance.txt";

    [SharedDataFact("seeds", "corpus/tuoitre-2024-11")]
    public async Task The_automatically_imported_w46_plan_tags_the_labelled_sample_with_measured_precision_and_recall()
    {
        var sample = TaggingSample.Load();
        var plan = await ImportAsync();
        var quality = Report(sample, plan, "automatic plan");
        var any = sample.Measure(plan, anyGrade: true);
        output.WriteLine($"any grade (mentions too): precision {any.Precision:0.000} ({any.Tp}/{any.Tp + any.Fp}), recall {any.Recall:0.000} ({any.Tp}/{any.Tp + any.Fn})");

        // Measured 2026-12-07 against the first labels (which count passing mentions), counted grades, with event
        // rules and stricter grades: precision 0.832 (89/107), recall 0.774 (89/115); at any grade 0.791 / 0.922; with
        // subject competition and the day rules' EXCEPT (2026-12-07, later): 0.848 (89/105), 0.774; with the day themes
        // tied to the day (the first labels count the month's teacher-honouring stories): 0.857 (84/98), 0.730; with the
        // lede and the passage (sixth round): 0.874 (76/87), 0.661 (76/115).
        // Against the labels by the counting rule see the test below (docs/tagging-quality.md).
        Assert.True(quality.Precision >= 0.870, $"precision {quality.Precision:0.000} fell below the measured 0.874");
        Assert.True(quality.Recall >= 0.655, $"recall {quality.Recall:0.000} fell below the measured 0.661");
    }

    [SharedDataFact("seeds", "corpus/tuoitre-2024-11")]
    public async Task The_automatically_imported_w46_plan_is_measured_against_both_label_sets_per_half_and_theme()
    {
        // The first labels (2026-11-23) were written before the counting rule and count passing mentions; the second
        // set is the same articles judged again by the rule (docs/tagging-quality.md). Both are the project's own.
        var plan = await ImportAsync();
        foreach (var theme in plan.Themes)
        {
            output.WriteLine($"{theme.Code} rules: {string.Join(" | ", theme.Rules ?? [])} || exclude: {string.Join(" | ", theme.Exclude ?? [])}");
        }

        foreach (var (path, name) in new[] { (TaggingSample.LabelsPath, "first labels"), (TaggingSample.RuleLabelsPath, "labels by the counting rule") })
        {
            var sample = TaggingSample.Load(path);
            foreach (var (half, halfName) in new[] { (false, "tuning half"), (true, "held-out half") })
            {
                var counted = sample.Measure(plan, heldOut: half);
                var any = sample.Measure(plan, heldOut: half, anyGrade: true);
                output.WriteLine($"{name}, {halfName}: counted P {counted.Precision:0.000} ({counted.Tp}/{counted.Tp + counted.Fp}) R {counted.Recall:0.000} ({counted.Tp}/{counted.Tp + counted.Fn}); " +
                                 $"any grade P {any.Precision:0.000} ({any.Tp}/{any.Tp + any.Fp}) R {any.Recall:0.000} ({any.Tp}/{any.Tp + any.Fn})");
                output.WriteLine(counted.Table());
            }

            output.WriteLine($"{name}: grade against label, whole sample: {Agreement(sample, plan)}");
        }

        // Errors are printed for the tuning half only: the held-out half is read as figures, not as cases.
        var rule = TaggingSample.Load(TaggingSample.RuleLabelsPath);
        var tuning = rule.Measure(plan, heldOut: false);
        var matcher = new PlanMatcher(plan);
        var byId = rule.Articles.ToDictionary(a => a.Id);
        foreach (var (id, theme) in tuning.FalsePositives)
        {
            var match = matcher.Tag(byId[id]).Themes.First(t => t.Code == theme);
            output.WriteLine($"tuning false hit {theme} {id} ({match.Grade}): {string.Join(", ", match.Evidence.Select(e => $"{e.Field}:{e.Text}").Distinct().Take(8))}");
        }

        foreach (var (id, theme) in tuning.FalseNegatives)
        {
            var match = matcher.Tag(byId[id]).Themes.FirstOrDefault(t => t.Code == theme);
            output.WriteLine($"tuning miss {theme} {id}{(match is null ? "" : $" (graded {match.Grade}: {string.Join(", ", match.Evidence.Select(e => $"{e.Field}:{e.Text}").Distinct().Take(8))})")}");
        }

        var first = TaggingSample.Load().Measure(plan, heldOut: true);
        Assert.True(first.Precision >= HeldOutPrecisionFloor, $"held-out precision (first labels) {first.Precision:0.000} fell below the measured floor {HeldOutPrecisionFloor}");
        Assert.True(first.Recall >= HeldOutRecallFloor, $"held-out recall (first labels) {first.Recall:0.000} fell below the measured floor {HeldOutRecallFloor}");
        var held = rule.Measure(plan, heldOut: true);
        Assert.True(held.Precision >= RulePrecisionFloor, $"held-out precision (rule labels) {held.Precision:0.000} fell below the measured floor {RulePrecisionFloor}");
        Assert.True(held.Recall >= RuleRecallFloor, $"held-out recall (rule labels) {held.Recall:0.000} fell below the measured floor {RuleRecallFloor}");
    }

    // Measured 2026-12-07 on the held-out half against the labels by the counting rule, counted grades: precision
    // 0.803 (49/61), recall 0.891 (49/55); before event rules and stricter grades 0.719 (41/57) / 0.745 (41/55); with
    // subject competition and the day rules' EXCEPT: 0.817 (49/60), 0.891 (49/55); with the day themes tied to the day
    // (2026-12-07, later): 0.836 (46/55), 0.836 (46/55); with the lede and the passage (sixth round): 0.872 (41/47),
    // 0.745 (41/55).
    internal const double RulePrecisionFloor = 0.870;
    internal const double RuleRecallFloor = 0.740;

    /// <summary>How the matcher's grades fall against the labels: counts per (grade, labelled), over every pair the
    /// matcher finds, and the labelled pairs it does not find.</summary>
    internal static string Agreement(TaggingSample sample, Plan plan)
    {
        var matcher = new PlanMatcher(plan);
        var cells = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in sample.Articles)
        {
            var found = matcher.Tag(article).Themes;
            foreach (var theme in found)
            {
                var key = $"{theme.Grade}/{(sample.Labels[article.Id].Contains(theme.Code) ? "labelled" : "not labelled")}";
                cells[key] = cells.GetValueOrDefault(key) + 1;
            }

            var missed = sample.Labels[article.Id].Count(code => found.All(t => t.Code != code));
            cells["none/labelled"] = cells.GetValueOrDefault("none/labelled") + missed;
        }

        return string.Join(", ", cells.Select(kv => $"{kv.Key} {kv.Value}"));
    }

    // Measured 2026-12-07 on the held-out half against the first labels, counted grades: precision 0.820 (50/61),
    // recall 0.794 (50/63) (2026-12-06, before event rules and stricter grades: 0.842 / 0.762); with subject competition
    // and the day rules' EXCEPT: 0.833 (50/60), 0.794; with the day themes tied to the day: 0.855 (47/55), 0.746 (47/63);
    // with the lede and the passage (sixth round): 0.851 (40/47), 0.635 (40/63).
    private const double HeldOutPrecisionFloor = 0.850;
    private const double HeldOutRecallFloor = 0.630;

    [SharedDataFact("seeds", "corpus/tuoitre-2024-11")]
    public async Task The_automatically_imported_w46_plan_is_measured_on_the_fresh_tuning_set_with_its_errors()
    {
        // The fresh labels are a tuning set (rules were chosen reading its errors): training figures, errors printed.
        var plan = await ImportAsync();
        var fresh = TaggingSample.Load(TaggingSample.FreshLabelsPath);
        var counted = fresh.Measure(plan);
        var any = fresh.Measure(plan, anyGrade: true);
        var half = TaggingSample.Load(TaggingSample.RuleLabelsPath).Measure(plan, heldOut: false);
        int tp = counted.Tp + half.Tp, fp = counted.Fp + half.Fp, fn = counted.Fn + half.Fn;
        output.WriteLine($"fresh set ({fresh.Articles.Count} articles, {fresh.Labels.Values.Sum(l => l.Count)} pairs): counted {counted.Tp} right, {counted.Fp} false, {counted.Fn} missed; " +
                         $"any grade {any.Tp} right, {any.Fp} false, {any.Fn} missed");
        output.WriteLine($"tuning half + fresh set, rule labels, counted: P {Ratio(tp, tp + fp):0.000} ({tp}/{tp + fp}) R {Ratio(tp, tp + fn):0.000} ({tp}/{tp + fn})");
        var matcher = new PlanMatcher(plan);
        var byId = fresh.Articles.ToDictionary(a => a.Id);
        foreach (var (id, theme) in any.FalsePositives.Concat(counted.FalseNegatives))
        {
            var match = matcher.Tag(byId[id]).Themes.FirstOrDefault(t => t.Code == theme);
            output.WriteLine($"fresh {(fresh.Labels[id].Contains(theme) ? "miss" : "false hit")} {theme} {id} ({match?.Grade.ToString() ?? "not found"}): {string.Join(", ", match?.Evidence.Select(e => $"{e.Field}:{e.Text}").Distinct().Take(8) ?? [])}");
        }

        // Measured 2026-12-07 after the day rules' honouring actions and "presented before the body": 1 right, 0 false,
        // 0 missed (before: 0 right, 1 false, 1 missed).
        Assert.True(counted.Fp <= 0, $"{counted.Fp} false counted hits on the fresh set; measured 0");
        Assert.True(counted.Tp >= 1, $"{counted.Tp} right on the fresh set; measured 1");
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    [SharedDataFact("seeds")]
    public async Task The_second_labels_cover_exactly_the_sample_held_out_half_first_with_plan_theme_codes_and_a_reason_per_row()
    {
        // Issue 14: an independent second label set (a labeller blind to the other sets and to the tagger). The
        // figures are printed by the next test and recorded in docs/tagging-quality.md; this one checks the file.
        var codes = (await ImportAsync()).Themes.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var second = TaggingSample.ReadLabels(TaggingSample.SecondLabelsPath);
        var first = TaggingSample.ReadLabels(TaggingSample.LabelsPath);
        var lines = File.ReadAllLines(TaggingSample.SecondLabelsPath);
        var header = lines.TakeWhile(l => l.StartsWith('#')).ToList();

        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        var ids = second.Keys.ToList();
        var heldOut = ids.Count(TaggingSample.IsHeldOut);
        Assert.Equal(203, heldOut);
        Assert.All(ids.Take(heldOut), id => Assert.True(TaggingSample.IsHeldOut(id), $"{id} is listed among the held-out half but is a tuning article"));
        Assert.All(second, kv => Assert.All(kv.Value, code => Assert.True(codes.Contains(code), $"{kv.Key}: {code} is not a theme of the w46 plan")));
        Assert.All(LabelAgreement.Reasons(TaggingSample.SecondLabelsPath), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), $"{kv.Key} has no reason"));
        // The header says who labelled, blind to what, and how each theme of the plan was read before labelling.
        Assert.Contains(header, l => l.Contains("blind", StringComparison.Ordinal));
        Assert.All(codes, code => Assert.Contains(header, l => l.StartsWith($"#   {code} ", StringComparison.Ordinal)));
        var count = header.Single(l => l.StartsWith("# Count: ", StringComparison.Ordinal));
        Assert.Contains($"all {ids.Count} articles", count, StringComparison.Ordinal);
        Assert.Contains($"{second.Values.Where((_, i) => i < heldOut).Sum(l => l.Count)} (article, theme) pairs", count, StringComparison.Ordinal);
    }

    [SharedDataFact("seeds", "corpus/tuoitre-2024-11")]
    public async Task The_automatically_imported_w46_plan_is_measured_against_the_second_labels_and_the_labellers_agreement_is_printed()
    {
        // Labels nobody tuned on: the second labeller never saw the tagger's output, and the plan was not changed
        // after. Counted grades against them per half, then how the second set agrees with the project's two others.
        var plan = await ImportAsync();
        var second = TaggingSample.Load(TaggingSample.SecondLabelsPath);
        foreach (var (half, halfName) in new (bool?, string)[] { (true, "held-out half"), (false, "tuning half"), (null, "whole sample") })
        {
            var counted = second.Measure(plan, heldOut: half);
            var any = second.Measure(plan, heldOut: half, anyGrade: true);
            output.WriteLine($"second labels, {halfName}: counted P {counted.Precision:0.000} ({counted.Tp}/{counted.Tp + counted.Fp}) R {counted.Recall:0.000} ({counted.Tp}/{counted.Tp + counted.Fn}); " +
                             $"any grade P {any.Precision:0.000} ({any.Tp}/{any.Tp + any.Fp}) R {any.Recall:0.000} ({any.Tp}/{any.Tp + any.Fn})");
            output.WriteLine(counted.Table());
        }

        var reasons = LabelAgreement.Reasons(TaggingSample.SecondLabelsPath);
        foreach (var (path, name) in new[] { (TaggingSample.LabelsPath, "first"), (TaggingSample.RuleLabelsPath, "rule") })
        {
            var other = TaggingSample.ReadLabels(path);
            var otherReasons = LabelAgreement.Reasons(path);
            foreach (var (half, halfName) in new (bool?, string)[] { (true, "held-out half"), (false, "tuning half"), (null, "whole sample") })
            {
                var ids = second.Labels.Keys.Where(id => half is null || TaggingSample.IsHeldOut(id) == half);
                var agreement = LabelAgreement.Compare(other, second.Labels, ids);
                output.WriteLine($"{name} vs second, {halfName}: {agreement.Summary(name, "second")}");
                output.WriteLine(agreement.Table(name, "second"));
            }

            var all = LabelAgreement.Compare(other, second.Labels, second.Labels.Keys);
            foreach (var (id, theme, inOther) in all.Disagreements)
            {
                output.WriteLine($"{name} vs second: {theme} only in {(inOther ? name : "second")} {id} ({(TaggingSample.IsHeldOut(id) ? "held-out" : "tuning")}) | {name}: {otherReasons[id]} | second: {reasons[id]}");
            }

            // The consensus: the pairs both labellers judge alike, the disputed ones left out of the score.
            var disputed = all.Disagreements.Select(d => (d.Article, d.Theme)).ToHashSet();
            foreach (var (half, halfName) in new (bool?, string)[] { (true, "held-out half"), (false, "tuning half") })
            {
                var consensus = second.Measure(plan, heldOut: half, disputed: disputed);
                output.WriteLine($"consensus of {name} and second, {halfName} ({disputed.Count(d => TaggingSample.IsHeldOut(d.Item1) == half)} disputed pairs left out): " +
                                 $"counted P {consensus.Precision:0.000} ({consensus.Tp}/{consensus.Tp + consensus.Fp}) R {consensus.Recall:0.000} ({consensus.Tp}/{consensus.Tp + consensus.Fn})");
            }
        }

        // The measure itself: a set agrees with itself completely, and F1 does not depend on which set is the reference.
        var first = TaggingSample.ReadLabels(TaggingSample.LabelsPath);
        var self = LabelAgreement.Compare(second.Labels, second.Labels, second.Labels.Keys);
        Assert.True(self.F1 == 1 && self.Disagreements.Count == 0 && self.SameArticles == second.Labels.Count, "a label set must agree with itself");
        var ab = LabelAgreement.Compare(first, second.Labels, second.Labels.Keys);
        var ba = LabelAgreement.Compare(second.Labels, first, second.Labels.Keys);
        Assert.Equal((ab.Both, ab.OnlyA, ab.OnlyB, ab.F1), (ba.Both, ba.OnlyB, ba.OnlyA, ba.F1));
        Assert.Equal(ab.OnlyA + ab.OnlyB, ab.Disagreements.Count);
    }

    [SharedDataFact("seeds", "corpus/tuoitre-2024-11")]
    public async Task The_Kon_Tum_media_plan_counts_almost_nothing_in_a_months_national_articles()
    {
        // Issue 14: imported before scope and keyword quality, this plan tagged 321 (article, theme) pairs of the
        // 1,000 Tuổi Trẻ articles (keywords "đầu tư", "du lịch", "trong hoạt động quản lý"…), though one article
        // mentions Kon Tum at all.
        var sample = TaggingSample.Load();
        var plan = await new DirectiveImporter().ImportAsync(Seeds.Seed("kontum-2024-media-plan.txt"), new DirectiveImportOptions(), CancellationToken.None);
        var matcher = new PlanMatcher(plan);
        var results = sample.Articles.Concat(sample.Rest).Select(matcher.Tag).ToList();
        var pairs = results.Sum(r => r.Themes.Count);
        var counted = results.Sum(r => r.Themes.Count(t => t.Counts));
        output.WriteLine($"media plan over {results.Count} articles: {pairs} pairs at any grade, {counted} counted");
        foreach (var theme in plan.Themes)
        {
            output.WriteLine($"{theme.Code} scope {theme.Scope}: {string.Join(" | ", theme.Keywords)} || {string.Join(" | ", theme.Rules ?? [])}");
        }

        Assert.All(plan.Themes, t => Assert.Equal("Kon Tum", t.Scope));
        Assert.DoesNotContain(plan.Themes.SelectMany(t => t.Keywords), k => KeywordQuality.Problem(k) is not null);
        Assert.Contains("Sâm Ngọc Linh", plan.Themes.Single(t => t.Code == "II.5").Keywords);
        Assert.Contains("sản phẩm OCOP", plan.Themes.Single(t => t.Code == "II.5").Keywords);
        // Measured 2026-12-06: 2 pairs at any grade, 1 counted.
        Assert.True(pairs <= 3, $"{pairs} pairs; measured 2");
    }

    [SharedDataFact("seeds", "corpus/tuoitre-2024-11")]
    public void The_analyst_edited_w46_plan_tags_the_labelled_sample_with_measured_precision_and_recall()
    {
        var sample = TaggingSample.Load();
        var plan = PlanFile.Load(EditedPlanPath);
        var quality = Report(sample, plan, "analyst-edited plan");

        // Measured 2026-12-07 against the first labels, with the stricter grades: precision 0.870, recall 0.757 (the
        // analyst's extra keywords find single sentences in long articles, now mentions); 2026-12-06: 0.856 / 0.878; with
        // the lede and the passage (sixth round): 0.900, 0.704.
        Assert.True(quality.Precision >= 0.895, $"precision {quality.Precision:0.000} fell below the measured 0.900");
        Assert.True(quality.Recall >= 0.700, $"recall {quality.Recall:0.000} fell below the measured 0.704");
    }

    [SharedDataFact("seeds", "corpus/tuoitre-2024-11")]
    public async Task The_w46_import_leaves_clauses_that_say_nothing_out_and_names_subjects_as_the_press_does()
    {
        var plan = await ImportAsync();
        string[] Keys(string code) => [.. plan.Themes.Single(t => t.Code == code).Keywords.Select(k => k.ToLowerInvariant())];

        Assert.DoesNotContain("luật sửa đổi", Keys("1.1"));
        Assert.Contains("luật cảnh vệ", Keys("1.1"));
        Assert.Contains("ngộ độc thực phẩm", Keys("1.2"));
        Assert.DoesNotContain("chữa cháy", Keys("1.3"));
        Assert.DoesNotContain("địa bàn tỉnh", Keys("1.3"));
        Assert.DoesNotContain("pin lithium-ion", Keys("1.3"));   // only near a fire word: a rule
        Assert.Contains(plan.Themes.Single(t => t.Code == "1.3").Rules!, r => r.Contains("\"pin lithium-ion\") NEAR/15", StringComparison.Ordinal));
        // Food is what people eat or drink (Law on Food Safety): methanol in liquor is evidence, tobacco is excluded.
        Assert.Contains(plan.Themes.Single(t => t.Code == "1.2").Rules!, r => r.Contains("\"methanol\"", StringComparison.Ordinal));
        Assert.Contains(plan.Themes.Single(t => t.Code == "1.2").Exclude!, r => r.Contains("\"thuốc lá\"", StringComparison.Ordinal));
        // Event themes: the session and the days get actor/action rules inside their windows.
        Assert.Contains(plan.Themes.Single(t => t.Code == "2.5").Rules!, r => r.StartsWith("(\"Quốc hội\") NEAR/8", StringComparison.Ordinal) && r.Contains("date:2024-09-27..2024-12-20", StringComparison.Ordinal));
        Assert.Contains(plan.Themes.Single(t => t.Code == "2.7").Rules!, r => r.Contains("\"20-11\"", StringComparison.Ordinal) && r.Contains("date:2024-10-21..2024-11-27", StringComparison.Ordinal));
        Assert.DoesNotContain("đảng viên", Keys("2.1"));
        Assert.DoesNotContain(Keys("2.3"), k => k.Contains('…', StringComparison.Ordinal));
        Assert.Contains("40 năm đổi mới", Keys("2.4"));
        Assert.Contains(plan.Themes.Single(t => t.Code == "2.4").Rules!, r => r.StartsWith("\"kỷ nguyên mới\" NEAR/8", StringComparison.Ordinal));
        Assert.Contains("đại hội xiv", Keys("2.4"));
        Assert.Contains("quốc hội thông qua", Keys("2.5"));
        Assert.DoesNotContain("chất vấn", Keys("2.5"));
        Assert.Contains("tập kết ra bắc", Keys("2.6"));
        Assert.Contains("ngày nhà giáo", Keys("2.7"));
        Assert.Contains("luật cảnh vệ", Keys("1.1"));
        // Scope: the province's own subjects are anchored in Kon Tum; national subjects it propagates are not.
        Assert.Equal(["1.3", "2.2", "2.3"], plan.Themes.Where(t => t.Scope == "Kon Tum").Select(t => t.Code));
        Assert.DoesNotContain("ngày kỷ niệm", Keys("2.7"));
    }

    private static string EditedPlanPath => Path.Combine(Seeds.Root, "tests", "Monitor.Core.Tests", "Data", "kontum-2024-w46.analyst.yaml");

    internal static Task<Plan> ImportAsync() =>
        new DirectiveImporter().ImportAsync(Seeds.Seed(Seed), new DirectiveImportOptions { Issued = new DateOnly(2024, 11, 8) }, CancellationToken.None);

    private Quality Report(TaggingSample sample, Plan plan, string name)
    {
        var quality = sample.Measure(plan);
        output.WriteLine($"{name}: {sample.Articles.Count} articles, {sample.Labels.Values.Count(l => l.Count > 0)} with a theme; " +
                         $"micro precision {quality.Precision.ToString("0.000", CultureInfo.InvariantCulture)}, recall {quality.Recall.ToString("0.000", CultureInfo.InvariantCulture)}");
        output.WriteLine(quality.Table());
        foreach (var theme in plan.Themes)
        {
            output.WriteLine($"keywords {theme.Code}: {string.Join(" | ", theme.Keywords)}");
        }

        var matcher = new PlanMatcher(plan);
        var outside = sample.Rest.Count(a => matcher.Tag(a).Themes.Count > 0);
        output.WriteLine($"outside the sample: {outside} of {sample.Rest.Count} articles get a theme (unlabelled, not scored)");
        // Errors are printed for the tuning half only: the held-out half is read as figures, not as cases.
        var byId = sample.Articles.ToDictionary(a => a.Id);
        foreach (var (id, theme) in quality.FalsePositives.Where(p => !TaggingSample.IsHeldOut(p.Article)))
        {
            var match = matcher.Tag(byId[id]).Themes.First(t => t.Code == theme);
            output.WriteLine($"tuning false hit {theme} {id}: {string.Join(", ", match.Evidence.Select(e => $"{e.Field}:{e.Text}").Distinct().Take(6))}");
        }

        foreach (var (id, theme) in quality.FalseNegatives.Where(p => !TaggingSample.IsHeldOut(p.Article)))
        {
            output.WriteLine($"tuning miss {theme} {id}");
        }

        return quality;
    }
}
