using System.Text.Json;
using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Dashboards.Forms;
using YamlDotNet.RepresentationModel;

namespace Monitor.Dashboards.Plans;

/// <summary>Where a line of the composed plan sits in the form: a theme or quota row (by index) and its field, when known.</summary>
internal readonly record struct FormPlace(string Section, int Row, string? Field);

/// <summary>Writes the plan the form describes as YAML, the text <c>plan load</c> would read: the base plan's fields the
/// form does not show are carried over, windows and counts are written as typed, so the checker sees what was entered.
/// It also tells which form row and field each line of that text belongs to, so a checker message is shown there.</summary>
internal static class PlanComposer
{
    // Form field of each plan key; keys the form does not show (description, references, scope) have none.
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["code"] = "Code", ["title"] = "Title", ["keywords"] = "Keywords", ["rules"] = "Rules", ["exclude"] = "Exclude", ["outlets"] = "Outlets",
        ["units"] = "Units", ["from"] = "From", ["to"] = "To", ["theme"] = "Theme", ["count"] = "Count", ["unit"] = "Unit", ["period"] = "Period", ["text"] = "Text",
    };

    public static string Yaml(Plan basePlan, PlanForm form)
    {
        ArgumentNullException.ThrowIfNull(basePlan);
        ArgumentNullException.ThrowIfNull(form);
        var plan = JsonSerializer.Deserialize<Plan>(PlanFile.ToJson(basePlan), ArticleJson.Options)!;
        plan.Id = null;
        plan.Directive.Title = (form.Title ?? "").Trim();
        plan.Themes = form.Themes.Select(f =>
        {
            var old = f.Base >= 0 && f.Base < basePlan.Themes.Count ? basePlan.Themes[f.Base] : null;
            return new Theme
            {
                Code = (f.Code ?? "").Trim(), Title = (f.Title ?? "").Trim(), Description = old?.Description, References = old?.References ?? [],
                Scope = old?.Scope, MinEvidence = old?.MinEvidence, Keywords = PlanForm.Items(f.Keywords), Outlets = PlanForm.Items(f.Outlets),
                Units = PlanForm.Items(f.Units), Rules = NullIfEmpty(PlanForm.Items(f.Rules)), Exclude = NullIfEmpty(PlanForm.Items(f.Exclude)),
            };
        }).ToList();
        plan.Quotas = form.Quotas.Select(f => new Quota
        {
            Theme = string.IsNullOrWhiteSpace(f.Theme) ? null : f.Theme.Trim(), Unit = (f.Unit ?? "").Trim(), Period = (f.Period ?? "").Trim(),
            Outlets = PlanForm.Items(f.Outlets), Text = (f.Text ?? "").Trim(),
        }).ToList();

        // Windows and counts go in as typed: "2024-13-01" or "hai" must reach the checker, not vanish in a parse.
        var stream = new YamlStream();
        stream.Load(new StringReader(PlanFile.ToYaml(plan)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var themes = Child(root, "themes") as YamlSequenceNode;
        for (var i = 0; i < form.Themes.Count && themes is not null; i++)
        {
            var theme = (YamlMappingNode)themes.Children[i];
            var window = new YamlMappingNode();
            Put(window, "from", DayField.Iso(form.Themes[i].From));
            Put(window, "to", DayField.Iso(form.Themes[i].To));
            theme.Children[new YamlScalarNode("window")] = window;
        }

        var quotas = Child(root, "quotas") as YamlSequenceNode;
        for (var i = 0; i < form.Quotas.Count && quotas is not null; i++)
        {
            ((YamlMappingNode)quotas.Children[i]).Children[new YamlScalarNode("count")] = new YamlScalarNode((form.Quotas[i].Count ?? "").Trim());
        }

        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>The form row and field a line of <paramref name="yaml"/> belongs to; null outside themes and quotas.</summary>
    public static Func<int, FormPlace?> Places(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        // A node knows where it starts, not where it ends: a row runs from its start to the next row's, the last one of
        // a section to the next key of the plan.
        var rows = new List<(string Section, int Row, YamlMappingNode Node, long Until)>();
        var keys = root.Children.Keys.Select(k => k.Start.Line).Append(long.MaxValue).ToList();
        foreach (var section in new[] { "themes", "quotas" })
        {
            if (Child(root, section) is not YamlSequenceNode items)
            {
                continue;
            }

            var start = root.Children.Keys.First(k => k is YamlScalarNode { Value: var v } && v == section).Start.Line;
            var end = keys.First(l => l > start);
            var nodes = items.Children.OfType<YamlMappingNode>().ToList();
            for (var i = 0; i < nodes.Count; i++)
            {
                rows.Add((section, i, nodes[i], i + 1 < nodes.Count ? nodes[i + 1].Start.Line : end));
            }
        }

        return line =>
        {
            var hit = rows.LastOrDefault(r => r.Node.Start.Line <= line && line < r.Until);
            return hit.Node is null ? null : new FormPlace(hit.Section, hit.Row, Field(hit.Node, line));
        };
    }

    // The key whose entry holds the line: the last key starting on or before it (a window's from/to inside it).
    private static string? Field(YamlMappingNode map, int line)
    {
        var entry = map.Children.LastOrDefault(e => e.Key.Start.Line <= line);
        if (entry.Key is not YamlScalarNode { Value: { } key })
        {
            return null;
        }

        return entry.Value is YamlMappingNode inner && key == "window" ? Field(inner, line) ?? "From" : Fields.GetValueOrDefault(key);
    }

    private static void Put(YamlMappingNode map, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            map.Children[new YamlScalarNode(key)] = new YamlScalarNode(value.Trim());
        }
    }

    private static List<string>? NullIfEmpty(List<string> items) => items.Count == 0 ? null : items;

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
}
