using System.Globalization;
using Monitor.Core.Text;
using Monitor.Directives.Tests.Support;
using Monitor.Tests.Shared;
using Xunit.Abstractions;

namespace Monitor.Directives.Tests;

/// <summary>Compares the importer's plans of the five seeds with the hand-read truth and reports reference recall,
/// theme accuracy and field accuracy (docs/directive-import.md records the figures).</summary>
[Trait("Category", "Corpus")]
public sealed class SeedMeasurementTests(ITestOutputHelper output)
{
    [SharedDataFact("seeds")]
    public async Task The_seeds_are_imported_with_reference_recall_theme_and_field_accuracy_on_target()
    {
        var truth = TruthFile.Load(Seeds.Data("seeds-truth.yaml"));
        int refs = 0, refsFound = 0, themes = 0, themesFound = 0, fields = 0, fieldsRight = 0, extra = 0, listed = 0, listedRight = 0;
        foreach (var seed in truth.Seeds)
        {
            var plan = await new DirectiveImporter().ImportAsync(Seeds.Seed(seed.File), new DirectiveImportOptions(), CancellationToken.None);
            var numbers = plan.References.Select(r => r.Number).Append(plan.Directive.Number).ToHashSet();
            var missed = seed.References.Where(r => !numbers.Contains(r)).ToList();
            refs += seed.References.Count;
            refsFound += seed.References.Count - missed.Count;
            var wrong = new List<string>();
            foreach (var t in seed.Themes)
            {
                themes++;
                var found = plan.Themes.FirstOrDefault(p => p.Code == t.Code && TitleMatches(p.Title, t.Title));
                if (found is null)
                {
                    wrong.Add($"theme {t.Code} missing");
                    continue;
                }

                themesFound++;
                Score(Day(t.From) == found.Window.From, $"{t.Code} from", ref fields, ref fieldsRight, wrong);
                Score(Day(t.To) == found.Window.To, $"{t.Code} to", ref fields, ref fieldsRight, wrong);
                Precision(t.Units, found.Units, ref listed, ref listedRight);
                Precision(t.Outlets, found.Outlets, ref listed, ref listedRight);
                Precision(t.References, found.References, ref listed, ref listedRight);
                if (t.Units.Count > 0)
                {
                    Score(t.Units.All(u => found.Units.Any(f => Key(f).Contains(Key(u), StringComparison.Ordinal))), $"{t.Code} units", ref fields, ref fieldsRight, wrong);
                }

                if (t.Outlets.Count > 0)
                {
                    Score(t.Outlets.All(found.Outlets.Contains), $"{t.Code} outlets", ref fields, ref fieldsRight, wrong);
                }

                if (t.References.Count > 0)
                {
                    Score(t.References.All(found.References.Contains), $"{t.Code} references", ref fields, ref fieldsRight, wrong);
                }
            }

            extra += plan.Themes.Count(p => !seed.Themes.Any(t => t.Code == p.Code));
            foreach (var q in seed.Quotas)
            {
                Score(plan.Quotas.Any(p => p.Theme == q.Theme && p.Count == q.Count && p.Period == q.Period), $"quota {q.Theme}", ref fields, ref fieldsRight, wrong);
            }

            foreach (var e in seed.Events)
            {
                Score(plan.Events.Any(p => p.Date == Day(e.Date) && Key(p.Title).Contains(Key(e.Title), StringComparison.Ordinal)), $"event {e.Title}", ref fields, ref fieldsRight, wrong);
            }

            Score(plan.Directive.Number == seed.Directive.GetValueOrDefault("number"), "directive number", ref fields, ref fieldsRight, wrong);
            Score(plan.Directive.Type == seed.Directive.GetValueOrDefault("type"), "directive type", ref fields, ref fieldsRight, wrong);
            Score(plan.Directive.Issued == Day(seed.Directive.GetValueOrDefault("issued")), "directive issued", ref fields, ref fieldsRight, wrong);
            if (seed.Directive.GetValueOrDefault("issuer") is { } issuer)
            {
                Score(plan.Directive.Issuer is not null && Key(plan.Directive.Issuer) == Key(issuer), $"directive issuer ({plan.Directive.Issuer})", ref fields, ref fieldsRight, wrong);
            }

            output.WriteLine($"{seed.File}: references {seed.References.Count - missed.Count}/{seed.References.Count} missed [{string.Join(", ", missed)}]; wrong [{string.Join("; ", wrong)}]");
        }

        var recall = refsFound / (double)refs;
        var themeAccuracy = themesFound / (double)themes;
        var fieldAccuracy = fieldsRight / (double)fields;
        output.WriteLine($"reference recall {recall:P1} ({refsFound}/{refs}); theme accuracy {themeAccuracy:P1} ({themesFound}/{themes}, {extra} extra); field accuracy {fieldAccuracy:P1} ({fieldsRight}/{fields}); precision of units, outlets and theme references {listedRight / (double)listed:P1} ({listedRight}/{listed} proposed items in the truth)");
        Assert.True(recall >= 0.95, $"reference recall {recall:P1}");
        Assert.True(themeAccuracy >= 0.90, $"theme accuracy {themeAccuracy:P1}");
        Assert.True(fieldAccuracy >= 0.90, $"field accuracy {fieldAccuracy:P1}");
    }

    /// <summary>Where the truth lists a theme's units, outlets or references, how many of the importer's items it
    /// holds: extra names count against the importer.</summary>
    private static void Precision(List<string> truth, List<string> found, ref int listed, ref int right)
    {
        if (truth.Count == 0)
        {
            return;
        }

        listed += found.Count;
        right += found.Count(f => truth.Any(t => Key(f).Contains(Key(t), StringComparison.Ordinal) || Key(t).Contains(Key(f), StringComparison.Ordinal)));
    }

    private static bool TitleMatches(string found, string truth) => Key(found).Contains(Key(truth), StringComparison.Ordinal);

    private static string Key(string s) => VietnameseFolding.Key(s);

    private static DateOnly? Day(string? s) => s is null ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Score(bool ok, string what, ref int fields, ref int right, List<string> wrong)
    {
        fields++;
        if (ok)
        {
            right++;
        }
        else
        {
            wrong.Add(what);
        }
    }
}
