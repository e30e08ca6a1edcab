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

        // Measured 2026-11-30 (rules and scoring of docs/tagging.md, context rules of the import): precision 0.860
        // (92/107), recall 0.800 (92/115); issue 4 asks for 0.85 and 0.80.
        Assert.True(quality.Precision >= 0.855, $"precision {quality.Precision:0.000} fell below the measured 0.860");
        Assert.True(quality.Recall >= 0.795, $"recall {quality.Recall:0.000} fell below the measured 0.800");
    }

    [SharedDataFact("seeds", "corpus/tuoitre-2024-11")]
    public void The_analyst_edited_w46_plan_tags_the_labelled_sample_with_measured_precision_and_recall()
    {
        var sample = TaggingSample.Load();
        var plan = PlanFile.Load(EditedPlanPath);
        var quality = Report(sample, plan, "analyst-edited plan");

        // Measured 2026-11-30: precision 0.861 (105/122), recall 0.913 (105/115).
        Assert.True(quality.Precision >= 0.855, $"precision {quality.Precision:0.000} fell below the measured 0.861");
        Assert.True(quality.Recall >= 0.905, $"recall {quality.Recall:0.000} fell below the measured 0.913");
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
        Assert.Contains(plan.Themes.Single(t => t.Code == "1.2").Exclude!, r => r.Contains("\"methanol\"", StringComparison.Ordinal));
        Assert.DoesNotContain("đảng viên", Keys("2.1"));
        Assert.DoesNotContain(Keys("2.3"), k => k.Contains('…', StringComparison.Ordinal));
        Assert.Contains("40 năm đổi mới", Keys("2.4"));
        Assert.Contains(plan.Themes.Single(t => t.Code == "2.4").Rules!, r => r.StartsWith("\"kỷ nguyên mới\" NEAR/8", StringComparison.Ordinal));
        Assert.Contains("đại hội xiv", Keys("2.4"));
        Assert.Contains("quốc hội thông qua", Keys("2.5"));
        Assert.DoesNotContain("chất vấn", Keys("2.5"));
        Assert.Contains("tập kết ra bắc", Keys("2.6"));
        Assert.Contains("ngày nhà giáo", Keys("2.7"));
        Assert.DoesNotContain("ngày kỷ niệm", Keys("2.7"));
    }

    private static string EditedPlanPath => Path.Combine(Seeds.Root, "tests", "Monitor.Core.Tests", "Data", "kontum-2024-w46.analyst.yaml");

    private static Task<Plan> ImportAsync() =>
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
        var byId = sample.Articles.ToDictionary(a => a.Id);
        foreach (var (id, theme) in quality.FalsePositives)
        {
            var match = matcher.Tag(byId[id]).Themes.First(t => t.Code == theme);
            output.WriteLine($"false hit {theme} {id}: {string.Join(", ", match.Evidence.Select(e => $"{e.Field}:{e.Text}").Distinct().Take(6))}");
        }

        foreach (var (id, theme) in quality.FalseNegatives)
        {
            output.WriteLine($"miss {theme} {id}");
        }

        return quality;
    }
}
