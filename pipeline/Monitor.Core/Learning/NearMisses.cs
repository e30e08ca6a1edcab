using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Scope;
using Monitor.Core.Tagging;
using Monitor.Core.Tagging.Rules;
using Monitor.Core.Text;

namespace Monitor.Core.Learning;

/// <summary>Near misses (issue 14 item 4, "promote a near miss"): an (article, theme) pair the matcher did not tag
/// although weaker evidence of the theme is there — one of the theme's <b>cues</b>, a two-word piece of the theme's own
/// phrases (keywords and the phrases of its rules that speak for it) that mostly occurs in articles the matcher does tag
/// with the theme ("nhà giáo" of "Ngày Nhà giáo", "quốc hội" of "Quốc hội thông qua"), found with its accents and
/// never inside a phrase the plan says is not the theme (<see cref="Cues"/>). Cues are chosen when a model is trained
/// (<see cref="Select"/>: from the plan's phrases and the tagger's own results over the training articles, no hand list)
/// and stored with the theme's model; a theme gets cues only when analysts have added (or confirmed) an article of it
/// the matcher missed that holds one. The model then scores each near miss like any other pair (grade "near" among its
/// features), plus the theme's near-miss part that only near misses read (<see cref="NearPart"/>), and promotes it to <see cref="ThemeGrade.Partial"/> at <see cref="RelevanceModel.NearPromoteAbove"/>.</summary>
internal static class NearMisses
{
    /// <summary>The grade feature of a near miss: never shown, never stored (a promoted one is partial).</summary>
    public const string Grade = "near";

    /// <summary>A theme's candidate cues and masks: the two-word pieces of the phrases that speak for the theme (its
    /// keywords, its rules' phrases outside NOT and right of EXCEPT), as written and lower case, one per spelling,
    /// ordered by folded key; and the folded phrases that speak against it (its rules' phrases under NOT or right of
    /// EXCEPT, its exclusions' phrases) that hold one of them.</summary>
    public static Cues Candidates(Theme theme)
    {
        var (forTheme, against) = Sides(theme);
        var pieces = new SortedDictionary<(string Key, string Accents), string>();
        foreach (var phrase in forTheme)
        {
            var folded = VietnameseFolding.Fold(phrase);
            var words = Words(folded.Value);
            for (var i = 1; i < words.Count; i++)
            {
                var (a, b) = (folded.Value[words[i - 1].Start..words[i - 1].End], folded.Value[words[i].Start..words[i].End]);
                if (a.Any(char.IsLetter) && b.Any(char.IsLetter))   // "20 11" is a date, not a word
                {
                    var written = (folded.OriginalSlice(words[i - 1].Start, words[i - 1].End) + " " + folded.OriginalSlice(words[i].Start, words[i].End))
                        .Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant();
                    pieces.TryAdd((a + " " + b, Cues.Accents(written).Key), written);
                }
            }
        }

        return new Cues([.. pieces.Values], [.. against.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]).Only([.. pieces.Values]);
    }

    /// <summary>The folded phrases that speak for a theme (where its cues come from, <see cref="WordUnits"/>).</summary>
    public static IEnumerable<string> Phrases(Theme theme) => Sides(theme).ForTheme.Select(VietnameseFolding.Key);

    // The phrases that speak for the theme, as written, and the folded ones that speak against it.
    private static (List<string> ForTheme, List<string> Against) Sides(Theme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var forTheme = new List<string>(theme.Keywords);
        var against = new List<string>();
        foreach (var (rule, exclusion) in (theme.Rules ?? []).Select(r => (r, false)).Concat((theme.Exclude ?? []).Select(r => (r, true))))
        {
            var (yes, no) = (new List<PhraseNode>(), new List<PhraseNode>());
            try
            {
                RuleParser.Parse(rule).Sides(false, yes, no);
            }
            catch (RuleSyntaxException)
            {
                // The matcher refuses such a plan; a cue is not worth a second message.
                continue;
            }

            // An exclusion's own phrases are what keeps the theme off; what it negates does not speak for the theme.
            (exclusion ? against : forTheme).AddRange(exclusion ? yes.Select(p => p.Folded) : yes.Select(p => p.Written));
            against.AddRange(exclusion ? [] : no.Select(p => p.Folded));
        }

        return (forTheme, against);
    }

    /// <summary>The cues of <paramref name="cues"/> an article holds (an occurrence that counts, <see cref="Cues"/>), as
    /// written. <paramref name="folds"/> holds the fields' folded texts, filled on first use (title, description, text).</summary>
    public static HashSet<string> Present(Article article, Cues cues, FoldedText?[] folds)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(cues);
        var found = new HashSet<string>(StringComparer.Ordinal);
        string?[] fields = [article.Title, article.Description, article.Text];
        for (var f = 0; f < fields.Length; f++)
        {
            if (!string.IsNullOrEmpty(fields[f]))
            {
                found.UnionWith(cues.Find(folds[f] ??= VietnameseFolding.Fold(fields[f]!)).Select(o => cues.Written[o.Cue]));
            }
        }

        return found;
    }

    private static List<(int Start, int End)> Words(string folded)
    {
        var words = new List<(int Start, int End)>();
        for (int i = 0, start = 0; i <= folded.Length; i++)
        {
            if (i == folded.Length || folded[i] == ' ')
            {
                if (i > start)
                {
                    words.Add((start, i));
                }

                start = i + 1;
            }
        }

        return words;
    }

    /// <summary>A theme's cues: candidates found in at least <see cref="RelevanceOptions.MinCueArticles"/> of the
    /// training articles, of which at least <see cref="RelevanceOptions.CuePrecision"/> are tagged with the theme by the
    /// matcher (any grade); the most precise first (then the most frequent, then by text), at most
    /// <see cref="RelevanceOptions.MaxCues"/>. <paramref name="articles"/>: each training article's candidates
    /// and whether the matcher tagged it with the theme.</summary>
    public static IReadOnlyList<string> Select(IReadOnlyList<string> candidates, IEnumerable<(IReadOnlySet<string> Present, bool Tagged)> articles, RelevanceOptions options)
    {
        var seen = candidates.ToDictionary(c => c, _ => (All: 0, Tagged: 0), StringComparer.Ordinal);
        foreach (var (present, tagged) in articles)
        {
            foreach (var piece in present)
            {
                if (seen.TryGetValue(piece, out var n))
                {
                    seen[piece] = (n.All + 1, n.Tagged + (tagged ? 1 : 0));
                }
            }
        }

        return [.. seen.Where(s => s.Value.All >= options.MinCueArticles && s.Value.Tagged >= options.CuePrecision * s.Value.All)
            .OrderByDescending(s => s.Value.Tagged / (double)s.Value.All).ThenByDescending(s => s.Value.All).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Take(options.MaxCues).Select(s => s.Key)];
    }

    /// <summary>A matcher that tags an article with <paramref name="code"/> exactly when one of the theme's exclusions holds
    /// in it (null: the theme has none it can read): a near miss is not looked for where the matcher keeps the theme off
    /// ("ngộ độc" NEAR "thuốc diệt chuột" for food poisoning), as it is not where the theme's scope is not.</summary>
    public static PlanMatcher? Excluder(string code, IReadOnlyList<string>? exclusions)
    {
        // Each exclusion as a rule of its own theme, counted at any score; one the matcher cannot read as a rule (it needs
        // no evidence) is left out.
        var rules = (exclusions ?? []).Where(rule =>
        {
            try
            {
                _ = new PlanMatcher(new Plan { Themes = [new Theme { Code = code, Rules = [rule] }] });
                return true;
            }
            catch (PlanFormatException)
            {
                return false;
            }
        }).ToList();
        return rules.Count == 0 ? null : new PlanMatcher(new Plan { Themes = [new Theme { Code = code, Rules = rules }] }, ScoringOptions.Default with { Threshold = 0 });
    }

    /// <summary>The anchor of a theme's scope (null: the theme is about anywhere), as the matcher asks it.</summary>
    public static ScopeAnchor? Anchor(string? scope) =>
        string.IsNullOrWhiteSpace(scope) || Gazetteer.Default.Find(scope) is not { } province ? null : new ScopeAnchor(Gazetteer.Default, province);

    /// <summary>The near miss of a theme in an article: every occurrence of its cues that counts (<see cref="Cues"/>) in
    /// title, lead and body, as evidence in the original text (null: none, or the theme has a scope the article is not
    /// anchored in or an exclusion that holds in it (<see cref="Excluder"/>), as the matcher would refuse it). <paramref name="folds"/> holds the fields' folded texts, filled on
    /// first use (title, description, text).</summary>
    public static ThemeMatch? Find(Article article, string code, Cues cues, FoldedText?[] folds, ScopeAnchor? anchor = null, PlanMatcher? excluder = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(cues);
        string?[] fields = [article.Title, article.Description, article.Text];
        if (anchor is not null)
        {
            for (var f = 0; f < fields.Length; f++)
            {
                folds[f] ??= string.IsNullOrEmpty(fields[f]) ? null : VietnameseFolding.Fold(fields[f]!);
            }

            if (!anchor.Anchors(article, [.. folds.Select(f => f?.Value)]))
            {
                return null;
            }
        }

        List<Evidence>? evidence = null;
        for (var f = 0; f < fields.Length; f++)
        {
            if (string.IsNullOrEmpty(fields[f]))
            {
                continue;
            }

            var folded = folds[f] ??= VietnameseFolding.Fold(fields[f]!);
            foreach (var (_, at, end) in cues.Find(folded))
            {
                var (start, stop) = folded.ToOriginal(at, end);
                (evidence ??= []).Add(new Evidence(folded.Original[start..stop], start, stop, PlanMatcher.FieldName((ArticleField)f)));
            }
        }

        return evidence is null || (excluder is not null && excluder.Tag(article).Themes.Count > 0) ? null
            : new ThemeMatch(code, 0, [.. evidence.OrderBy(e => e.Field switch { "title" => 0, "description" => 1, _ => 2 }).ThenBy(e => e.Start)], Grade);
    }
}
