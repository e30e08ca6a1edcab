using Monitor.Core.Plans;
using Monitor.Core.Tagging;
using Monitor.Directives.Tests.Support;
using Monitor.Tests.Shared;
using Xunit.Abstractions;
using static Monitor.Directives.Tests.TaggingQualityTests;

namespace Monitor.Directives.Tests;

/// <summary>The tagging rounds of issue 14, each measured before and after its rules on the labelled Tuổi Trẻ sample: the
/// tuning half with its errors, the held-out half as figures only (docs/tagging-quality.md has every round).</summary>
[Trait("Category", "Corpus")]
public sealed class TaggingRoundsTests(ITestOutputHelper output)
{
    [SharedDataFact("seeds", "corpus/tuoitre-2024-11")]
    public async Task The_day_themes_tied_to_the_day_are_measured_before_and_after_with_the_tuning_halfs_errors()
    {
        // The plan with the day rules tied to the day named in the title or lead, and the same plan as it was before
        // 2026-12-07 (that condition taken out, the lexicon's teacher-honouring phrases back). Errors are printed for the
        // tuning half only, the half the rule was chosen on; the held-out half is figures (docs/tagging-quality.md).
        var plan = await ImportAsync();
        var untied = await ImportAsync();
        foreach (var theme in untied.Themes)
        {
            theme.Rules = theme.Rules?.Select(r => System.Text.RegularExpressions.Regex.Replace(r, @" AND NOT NOT \(title:.*\) AND date:", " AND date:")).ToList();
            if (theme.Keywords.Contains("Ngày Nhà giáo"))
            {
                theme.Keywords.InsertRange(theme.Keywords.IndexOf("Ngày Nhà giáo") + 1, ["tri ân thầy cô", "nhà giáo tiêu biểu", "nhà giáo trẻ tiêu biểu"]);
            }
        }

        foreach (var (path, name) in new[] { (TaggingSample.SecondLabelsPath, "second"), (TaggingSample.RuleLabelsPath, "rule"), (TaggingSample.LabelsPath, "first") })
        {
            var sample = TaggingSample.Load(path);
            var byId = sample.Articles.ToDictionary(a => a.Id);
            foreach (var (p, when, half) in new[] { (untied, "before", false), (plan, "after", false), (untied, "before", true), (plan, "after", true) })
            {
                var q = sample.Measure(p, heldOut: half);
                output.WriteLine($"{name} labels, {(half ? "held-out" : "tuning")} half, {when}: counted P {q.Precision:0.000} ({q.Tp}/{q.Tp + q.Fp}) R {q.Recall:0.000} ({q.Tp}/{q.Tp + q.Fn})");
                output.WriteLine(q.Table());
                if (half)
                {
                    continue;   // the held-out half is read as figures, not as cases
                }

                var matcher = new PlanMatcher(p);
                foreach (var (id, theme) in q.FalsePositives.Select(e => (e.Article, e.Theme, Kind: "false hit")).Concat(q.FalseNegatives.Select(e => (e.Article, e.Theme, Kind: "miss"))).Select(e => (e.Article, $"{e.Kind} {e.Theme}")))
                {
                    var code = theme.Split(' ')[^1];
                    var match = matcher.Tag(byId[id]).Themes.FirstOrDefault(t => t.Code == code);
                    output.WriteLine($"  {name} {when} {theme} {id} \"{byId[id].Title}\"{(match is null ? "" : $" ({match.Grade}: {string.Join(", ", match.Evidence.Select(e => $"{e.Field}:{e.Text}").Distinct().Take(6))})")}");
                }
            }
        }
    }

    [SharedDataFact("seeds", "corpus/tuoitre-2024-11")]
    public async Task The_lede_and_the_passage_are_measured_before_and_after_with_the_tuning_halfs_errors()
    {
        // Sixth round (docs/tagging-quality.md): under a lead that does not name the theme, body evidence alone counts in
        // the body's first sentence (not anywhere in its first 600 characters), and sentences spread over the body count
        // when two of them are neighbours (not scattered). "Before" is the same matcher with both switched off. Chosen on
        // the tuning half and the fresh set; errors are printed for those only, the held-out half is figures.
        var plan = await ImportAsync();
        var before = ScoringOptions.Default with { LedeOnly = false, PassageGap = int.MaxValue };
        var held = new Dictionary<string, Quality>();
        foreach (var (path, name) in new[] { (TaggingSample.SecondLabelsPath, "second"), (TaggingSample.RuleLabelsPath, "rule"), (TaggingSample.LabelsPath, "first") })
        {
            var sample = TaggingSample.Load(path);
            var byId = sample.Articles.ToDictionary(a => a.Id);
            foreach (var (options, when, half) in new[] { (before, "before", false), (ScoringOptions.Default, "after", false), (before, "before", true), (ScoringOptions.Default, "after", true) })
            {
                var q = sample.Measure(plan, options, heldOut: half);
                output.WriteLine($"{name} labels, {(half ? "held-out" : "tuning")} half, {when}: counted P {q.Precision:0.000} ({q.Tp}/{q.Tp + q.Fp}) R {q.Recall:0.000} ({q.Tp}/{q.Tp + q.Fn})");
                output.WriteLine(q.Table());
                if (half)
                {
                    held[$"{name} {when}"] = q;
                    continue;   // the held-out half is read as figures, not as cases
                }

                var matcher = new PlanMatcher(plan, options);
                foreach (var (id, kind, code) in q.FalsePositives.Select(e => (e.Article, "false hit", e.Theme)).Concat(q.FalseNegatives.Select(e => (e.Article, "miss", e.Theme))))
                {
                    var match = matcher.Tag(byId[id]).Themes.FirstOrDefault(t => t.Code == code);
                    output.WriteLine($"  {name} {when} {kind} {code} {id} \"{byId[id].Title}\"{(match is null ? "" : $" ({match.Grade}: {string.Join(", ", match.Evidence.Select(e => $"{e.Field}:{e.Text}").Distinct().Take(6))})")}");
                }
            }
        }

        var fresh = TaggingSample.Load(TaggingSample.FreshLabelsPath);
        foreach (var (options, when) in new[] { (before, "before"), (ScoringOptions.Default, "after") })
        {
            var q = fresh.Measure(plan, options);
            output.WriteLine($"fresh set, {when}: counted {q.Tp} right, {q.Fp} false, {q.Fn} missed");
        }

        var second = held["second after"];
        var rule = held["rule after"];
        Assert.True(second.Precision >= SixthSecondPrecisionFloor && second.Recall >= SixthSecondRecallFloor,
            $"held-out, second labels: P {second.Precision:0.000} R {second.Recall:0.000} fell below the measured floors {SixthSecondPrecisionFloor} / {SixthSecondRecallFloor}");
        Assert.True(rule.Precision >= RulePrecisionFloor && rule.Recall >= RuleRecallFloor,
            $"held-out, rule labels: P {rule.Precision:0.000} R {rule.Recall:0.000} fell below the measured floors {RulePrecisionFloor} / {RuleRecallFloor}");
        var tuning = TaggingSample.Load(TaggingSample.SecondLabelsPath).Measure(plan, heldOut: false);
        Assert.True(tuning.Recall >= 0.80, $"tuning-half recall (second labels) {tuning.Recall:0.000} fell under 0.80");
        Assert.True(fresh.Measure(plan).Fp == 0, "a false counted hit on the fresh set; measured none");
    }

    // Measured once, 2026-12-07 (sixth round, after the rule was committed), held-out half, second labels, counted
    // grades: P 0.872 (41/47), R 0.759 (41/54); before 0.818 (45/55) / 0.833 (45/54). With the seventh round's rules (the
    // plan and matcher this test runs): 0.863 (44/51) / 0.815 (44/54). docs/tagging-quality.md.
    private const double SixthSecondPrecisionFloor = 0.860;
    private const double SixthSecondRecallFloor = 0.755;

    [SharedDataFact("seeds", "corpus/tuoitre-2024-11")]
    public async Task The_seventh_rounds_rules_are_measured_on_the_tuning_half_and_the_fresh_set_with_their_errors()
    {
        // Seventh round (docs/tagging-quality.md): the day's own days, the session's amending bills, the title naming the
        // theme in its heading's words. "Before" is the same import with those rules taken out and the title rule off.
        // Tuning half and fresh set only: this test prints cases; the held-out half is the next test's, figures only.
        var (before, beforeOptions) = await SixthRoundAsync();
        var after = await ImportAsync();
        foreach (var (path, name) in new[] { (TaggingSample.SecondLabelsPath, "second"), (TaggingSample.RuleLabelsPath, "rule"), (TaggingSample.LabelsPath, "first") })
        {
            var sample = TaggingSample.Load(path);
            var byId = sample.Articles.ToDictionary(a => a.Id);
            foreach (var (plan, options, when) in new[] { (before, beforeOptions, "before"), (after, ScoringOptions.Default, "after") })
            {
                var q = sample.Measure(plan, options, heldOut: false);
                output.WriteLine($"{name} labels, tuning half, {when}: counted P {q.Precision:0.000} ({q.Tp}/{q.Tp + q.Fp}) R {q.Recall:0.000} ({q.Tp}/{q.Tp + q.Fn})");
                output.WriteLine(q.Table());
                var matcher = new PlanMatcher(plan, options);
                foreach (var (id, kind, code) in q.FalsePositives.Select(e => (e.Article, "false hit", e.Theme)).Concat(q.FalseNegatives.Select(e => (e.Article, "miss", e.Theme))))
                {
                    var match = matcher.Tag(byId[id]).Themes.FirstOrDefault(t => t.Code == code);
                    output.WriteLine($"  {name} {when} {kind} {code} {id} \"{byId[id].Title}\"{(match is null ? " (no evidence)" : $" ({match.Grade}: {string.Join(", ", match.Evidence.Select(e => $"{e.Field}:{e.Text}").Distinct().Take(6))})")}");
                }
            }
        }

        var fresh = TaggingSample.Load(TaggingSample.FreshLabelsPath);
        var freshBefore = fresh.Measure(before, beforeOptions);
        var freshAfter = fresh.Measure(after);
        output.WriteLine($"fresh set: before {freshBefore.Tp} right, {freshBefore.Fp} false, {freshBefore.Fn} missed; after {freshAfter.Tp} right, {freshAfter.Fp} false, {freshAfter.Fn} missed");

        // Measured 2026-12-07 (seventh round), tuning half, second labels: 0.875 (35/40) / 0.897 (35/39) before, 0.881
        // (37/42) / 0.949 (37/39) after; no new counted false hit under the second or the rule labels, none on the fresh set.
        var second = TaggingSample.Load(TaggingSample.SecondLabelsPath);
        var (b, a) = (second.Measure(before, beforeOptions, heldOut: false), second.Measure(after, heldOut: false));
        Assert.True(a.Tp > b.Tp && a.Fp <= b.Fp, $"tuning half, second labels: {b.Tp} right / {b.Fp} false before, {a.Tp} / {a.Fp} after");
        Assert.True(freshAfter.Fp == 0 && freshAfter.Tp >= 1, "the fresh set: measured 1 right, 0 false");
    }

    [SharedDataFact("seeds", "corpus/tuoitre-2024-11")]
    public async Task The_seventh_rounds_rules_are_measured_on_the_held_out_half_as_figures_only()
    {
        // Measured once after the rules and their criterion were committed (docs/tagging-quality.md, seventh round). The
        // held-out half is read as figures: per label file and per theme, before and after; no case is printed.
        var (before, beforeOptions) = await SixthRoundAsync();
        var after = await ImportAsync();
        var held = new Dictionary<string, Quality>();
        foreach (var (path, name) in new[] { (TaggingSample.SecondLabelsPath, "second"), (TaggingSample.RuleLabelsPath, "rule"), (TaggingSample.LabelsPath, "first") })
        {
            var sample = TaggingSample.Load(path);
            foreach (var (plan, options, when) in new[] { (before, beforeOptions, "before"), (after, ScoringOptions.Default, "after") })
            {
                var q = held[$"{name} {when}"] = sample.Measure(plan, options, heldOut: true);
                output.WriteLine($"{name} labels, held-out half, {when}: counted P {q.Precision:0.000} ({q.Tp}/{q.Tp + q.Fp}) R {q.Recall:0.000} ({q.Tp}/{q.Tp + q.Fn})");
                output.WriteLine(q.Table());
            }

            output.WriteLine($"{name} labels, grade against label, whole sample, after: {Agreement(sample, after)}");
        }

        var second = held["second after"];
        var rule = held["rule after"];
        Assert.True(second.Precision >= SeventhSecondPrecisionFloor && second.Recall >= SeventhSecondRecallFloor,
            $"held-out, second labels: P {second.Precision:0.000} R {second.Recall:0.000} fell below the measured floors {SeventhSecondPrecisionFloor} / {SeventhSecondRecallFloor}");
        Assert.True(rule.Precision >= SeventhRulePrecisionFloor && rule.Recall >= SeventhRuleRecallFloor,
            $"held-out, rule labels: P {rule.Precision:0.000} R {rule.Recall:0.000} fell below the measured floors {SeventhRulePrecisionFloor} / {SeventhRuleRecallFloor}");
    }

    // Measured once, 2026-12-07 (seventh round, after the rules and the criterion were committed), held-out half,
    // counted grades: second labels P 0.863 (44/51), R 0.815 (44/54) (before 0.872 / 0.759); rule labels 0.882 (45/51),
    // 0.818 (45/55) (before 0.872 / 0.745); first labels 0.863 (44/51), 0.698 (44/63). docs/tagging-quality.md.
    private const double SeventhSecondPrecisionFloor = 0.860;
    private const double SeventhSecondRecallFloor = 0.810;
    private const double SeventhRulePrecisionFloor = 0.880;
    private const double SeventhRuleRecallFloor = 0.815;

    /// <summary>The w46 import as the sixth round had it: without the day's own days, the session's amending bills, and
    /// with the title rule off.</summary>
    private static async Task<(Plan Plan, ScoringOptions Options)> SixthRoundAsync()
    {
        var plan = await ImportAsync();
        foreach (var theme in plan.Themes.Where(t => t.Rules is not null))
        {
            var tied = theme.Rules!.Where(r => r.Contains(" AND NOT NOT (title:", StringComparison.Ordinal)).Select(r => r[..r.IndexOf(" AND NOT NOT (title:", StringComparison.Ordinal)]).ToList();
            theme.Rules = [.. theme.Rules!
                .Where(r => r.Contains(" AND NOT NOT (title:", StringComparison.Ordinal) || !tied.Any(t => r.StartsWith(t + " AND date:", StringComparison.Ordinal)))
                .Select(r => r.Replace(" OR (\"dự luật\" OR \"dự án luật\" OR \"dự thảo luật\") NEAR/6 (\"sửa đổi\" OR \"bổ sung\")", "", StringComparison.Ordinal))];
        }

        return (plan, ScoringOptions.Default with { TitleNamesHeading = false });
    }
}
