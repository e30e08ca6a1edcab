using System.Globalization;
using Monitor.Core.Plans;
using Monitor.Core.Tagging.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitor.Directives.Checking;

/// <summary>Validates a hand-edited plan (YAML or JSON, which YAML reads too) and reports every problem with the
/// line of the node at fault: missing or duplicate theme codes, windows that end before they start, quota periods
/// other than week|month|quarter|year, quotas pointing at a theme that does not exist, rules and exclusions that cannot be read, a min_evidence that is not
/// a positive whole number.</summary>
public static class PlanChecker
{
    private static readonly string[] Periods = ["week", "month", "quarter", "year"];

    /// <summary>The plan in <paramref name="path"/> if the checker accepts it; else <see cref="PlanFormatException"/>
    /// listing every problem as "path:line: message". Every command that takes a plan file (plan load, tag, retag)
    /// reads it through here, so no path stores or uses a plan that <c>directive check</c> rejects.</summary>
    public static Plan Load(string path) => Load(path, plan => plan);

    /// <summary><see cref="Load(string)"/> followed by <paramref name="compile"/> (a matcher), which runs on the loaded
    /// plan while the checks run: two cores start monitor tag in the time of the longer of the two. The checker's
    /// problems come first, as in <see cref="Load(string)"/>; then the loader's; then <paramref name="compile"/>'s.</summary>
    public static T Load<T>(string path, Func<Plan, T> compile)
    {
        ArgumentNullException.ThrowIfNull(compile);
        var compiled = Task.Run(() => compile(PlanFile.Load(path)));
        var errors = Check(path);
        if (errors.Count > 0)
        {
            _ = compiled.ContinueWith(static t => t.Exception, TaskScheduler.Default);   // observed: the checker's problems are the ones to report
            throw new PlanFormatException(string.Join('\n', errors.Select(e => e.Line > 0 ? $"{path}:{e.Line}: {e.Message}" : $"{path}: {e.Message}")));
        }

        return compiled.GetAwaiter().GetResult();
    }

    public static IReadOnlyList<PlanError> Check(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path) ? CheckText(File.ReadAllText(path), path) : [new PlanError(0, "không có tệp này")];
    }

    /// <summary>The checks of <see cref="Check(string)"/> on a plan's text (the dashboard's editor checks what it is
    /// about to save); <paramref name="name"/> names it in type errors.</summary>
    public static IReadOnlyList<PlanError> CheckText(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (YamlDepth.FirstLineDeeperThan(text) is { } deep)
        {
            return [new PlanError(deep, YamlDepth.Message)];
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // The parser's own words are English (e.Message); the line and column are what an analyst needs.
            return [new PlanError((int)e.Start.Line, $"YAML/JSON không đọc được ở cột {e.Start.Column} ({YamlSyntax.Hint})")];
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return [new PlanError(1, "kế hoạch phải là một bảng khóa: directive, themes, quotas, …")];
        }

        var errors = new List<PlanError>();
        var codes = CheckThemes(Child(root, "themes") as YamlSequenceNode, errors);
        CheckQuotas(Child(root, "quotas") as YamlSequenceNode, codes, errors);
        if (errors.Count == 0)
        {
            // Types the structural checks do not cover (a date that is not YYYY-MM-DD, a count that is not a number).
            try
            {
                PlanFile.Parse(text, name, json: false);
            }
            catch (PlanFormatException e)
            {
                // The file and line go in front once, where the errors are printed.
                errors.Add(new PlanError(e.InnerException is YamlException y ? (int)y.Start.Line : 0, e.Problem));
            }
        }

        return errors;
    }

    /// <summary>Keywords that would tag almost anything (<see cref="KeywordQuality"/>: sentence fragments, generic
    /// words, a broad single word) and scopes the gazetteer does not know, each with its line. Warnings do not refuse
    /// the plan; an unknown scope is refused when the plan is used.</summary>
    public static IReadOnlyList<PlanError> Warnings(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return WarningsText(File.ReadAllText(path));
    }

    /// <summary>The warnings of <see cref="Warnings(string)"/> on a plan's text.</summary>
    public static IReadOnlyList<PlanError> WarningsText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            if (YamlDepth.FirstLineDeeperThan(text) is not null)
            {
                return [];   // Check reports it
            }

            stream.Load(new StringReader(text));
        }
        catch (YamlException)
        {
            return [];   // Check reports it
        }

        var warnings = new List<PlanError>();
        var themes = stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root ? Child(root, "themes") as YamlSequenceNode : null;
        foreach (var theme in themes?.Children.OfType<YamlMappingNode>() ?? [])
        {
            var code = Scalar(theme, "code");
            foreach (var keyword in (Child(theme, "keywords") as YamlSequenceNode)?.Children.OfType<YamlScalarNode>() ?? [])
            {
                if (KeywordQuality.Problem(keyword.Value ?? "") is { } problem)
                {
                    warnings.Add(Error(keyword, $"chủ đề '{code}': từ khóa {problem}"));
                }
            }

            if (Child(theme, "scope") is YamlScalarNode { Value: { Length: > 0 } scope } node && Monitor.Core.Scope.Gazetteer.Default.Find(scope) is null)
            {
                warnings.Add(Error(node, $"chủ đề '{code}': phạm vi '{scope}' không có trong danh mục địa danh"));
            }
        }

        return warnings;
    }

    private static HashSet<string> CheckThemes(YamlSequenceNode? themes, List<PlanError> errors)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in themes?.Children ?? [])
        {
            if (node is not YamlMappingNode theme)
            {
                errors.Add(Error(node, "mỗi chủ đề phải là một bảng khóa có code và title"));
                continue;
            }

            var code = Scalar(theme, "code");
            if (string.IsNullOrWhiteSpace(code))
            {
                errors.Add(Error(theme, "một chủ đề chưa có mã (khóa code)"));
            }
            else if (!codes.Add(code))
            {
                errors.Add(Error(Child(theme, "code")!, $"mã chủ đề '{code}' trùng với một chủ đề trước; mỗi chủ đề cần một mã riêng"));
            }

            if (string.IsNullOrWhiteSpace(Scalar(theme, "title")))
            {
                errors.Add(Error(theme, $"chủ đề '{code}' chưa có tên (khóa title)"));
            }

            CheckRules(theme, code, errors);
            if (Child(theme, "window") is YamlMappingNode window)
            {
                var from = Date(window, "from", code, errors);
                var to = Date(window, "to", code, errors);
                if (from > to)
                {
                    errors.Add(Error(window, $"chủ đề '{code}': thời gian bắt đầu {from:yyyy-MM-dd} sau ngày kết thúc {to:yyyy-MM-dd}"));
                }
            }
        }

        return codes;
    }

    // Rules and exclusions are parsed here so a typo is reported with its line, before any article is tagged.
    private static void CheckRules(YamlMappingNode theme, string? code, List<PlanError> errors)
    {
        foreach (var (key, exclusion, what) in new[] { ("rules", false, "luật"), ("exclude", true, "loại trừ") })
        {
            var node = Child(theme, key);
            if (node is YamlScalarNode { Value: null or "" or "null" or "~" })
            {
                continue;
            }

            if (node is not null and not YamlSequenceNode)
            {
                errors.Add(Error(node, $"chủ đề '{code}': {key} phải là một danh sách, mỗi dòng một {what}"));
                continue;
            }

            foreach (var item in (node as YamlSequenceNode)?.Children ?? [])
            {
                var text = (item as YamlScalarNode)?.Value ?? "";
                if (RuleSyntax.Check(text, exclusion) is { } problem)
                {
                    errors.Add(Error(item, $"chủ đề '{code}': {what} '{Shown(text)}': {problem.Message} (cột {problem.Column})"));
                }
            }
        }

        var min = Scalar(theme, "min_evidence");
        if (min is not null && (!int.TryParse(min, CultureInfo.InvariantCulture, out var n) || n < 1))
        {
            errors.Add(Error(Child(theme, "min_evidence")!, $"chủ đề '{code}': min_evidence '{min}' phải là số nguyên dương"));
        }
    }

    private static void CheckQuotas(YamlSequenceNode? quotas, HashSet<string> codes, List<PlanError> errors)
    {
        foreach (var quota in (quotas?.Children ?? []).OfType<YamlMappingNode>())
        {
            var period = Scalar(quota, "period");
            if (period is null || !Periods.Contains(period, StringComparer.Ordinal))
            {
                errors.Add(Error(Child(quota, "period") ?? quota, $"chỉ tiêu: period '{period}' không có; cần week|month|quarter|year"));
            }

            var theme = Scalar(quota, "theme");
            if (!string.IsNullOrEmpty(theme) && theme is not ("null" or "~") && !codes.Contains(theme))
            {
                errors.Add(Error(Child(quota, "theme")!, $"chỉ tiêu: theme '{theme}' không phải mã chủ đề nào của kế hoạch này"));
            }

            if (!int.TryParse(Scalar(quota, "count"), CultureInfo.InvariantCulture, out var count) || count <= 0)
            {
                errors.Add(Error(Child(quota, "count") ?? quota, "chỉ tiêu: count phải là số nguyên dương"));
            }
        }
    }

    private static DateOnly? Date(YamlMappingNode window, string key, string? code, List<PlanError> errors)
    {
        var value = Scalar(window, key);
        if (string.IsNullOrEmpty(value) || value is "null" or "~")
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        errors.Add(Error(Child(window, key)!, $"chủ đề '{code}': ngày {key} '{value}' không hợp lệ (dạng YYYY-MM-DD)"));
        return null;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static PlanError Error(YamlNode node, string message) => new((int)node.Start.Line, message);

    /// <summary>A rule quoted in a message, cut so the message stays one readable line (a rule 9,000 parentheses deep
    /// is not shown whole).</summary>
    private static string Shown(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
