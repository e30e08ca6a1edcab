using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.Scope;
using Monitor.Core.Tagging;
using Monitor.Core.Tagging.Rules;
using Monitor.Core.Text;

namespace Monitor.Core.Learning;

/// <summary>Near misses (issue 14 item 4, "promote a near miss"): an (article, theme) pair the matcher did not tag
/// although weaker evidence of the theme is there — one of the theme's <b>cues</b>, a two-word piece of the theme's own
/// phrases (keywords and rule phrases, never exclusions) that mostly occurs in articles the matcher does tag with the
/// theme ("nhà giáo" of "Ngày Nhà giáo", "quốc hội" of "Quốc hội thông qua"). Cues are chosen when a model is trained
/// (<see cref="Select"/>: from the plan's phrases and the tagger's own results over the training articles, no hand list)
/// and stored with the theme's model; a theme gets cues only when analysts have added (or confirmed) an article of it
/// the matcher missed that holds one. The model then scores each near miss like any other pair (grade "near" among its
/// features) and promotes it to <see cref="ThemeGrade.Partial"/> at <see cref="RelevanceModel.NearPromoteAbove"/>.</summary>
internal static class NearMisses
{
    /// <summary>The grade feature of a near miss: never shown, never stored (a promoted one is partial).</summary>
    public const string Grade = "near";

    /// <summary>The two-word pieces of a theme's phrases (folded, adjacent words of one phrase), distinct and sorted.</summary>
    public static IReadOnlyList<string> Candidates(Theme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        var phrases = theme.Keywords.Select(VietnameseFolding.Key).ToList();
        foreach (var rule in theme.Rules ?? [])
        {
            try
            {
                phrases.AddRange(RuleParser.Parse(rule).Phrases.Select(p => p.Folded));
            }
            catch (RuleSyntaxException)
            {
                // The matcher refuses such a plan; a cue is not worth a second message.
            }
        }

        var pieces = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
        {
            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 1; i < words.Length; i++)
            {
                if (words[i - 1].Any(char.IsLetter) && words[i].Any(char.IsLetter))   // "20 11" is a date, not a word
                {
                    pieces.Add(words[i - 1] + " " + words[i]);
                }
            }
        }

        return [.. pieces];
    }

    /// <summary>The two-word pieces of an article's fields (folded), restricted to <paramref name="wanted"/>.</summary>
    public static HashSet<string> Present(Article article, IReadOnlySet<string> wanted)
    {
        ArgumentNullException.ThrowIfNull(article);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in new[] { article.Title, article.Description, article.Text })
        {
            if (string.IsNullOrEmpty(field))
            {
                continue;
            }

            var words = VietnameseFolding.Key(field).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 1; i < words.Length; i++)
            {
                var piece = words[i - 1] + " " + words[i];
                if (wanted.Contains(piece))
                {
                    found.Add(piece);
                }
            }
        }

        return found;
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

    /// <summary>The anchor of a theme's scope (null: the theme is about anywhere), as the matcher asks it.</summary>
    public static ScopeAnchor? Anchor(string? scope) =>
        string.IsNullOrWhiteSpace(scope) || Gazetteer.Default.Find(scope) is not { } province ? null : new ScopeAnchor(Gazetteer.Default, province);

    /// <summary>The near miss of a theme in an article: every whole-word occurrence of its cues in title, lead and body,
    /// as evidence in the original text (null: none, or the theme has a scope the article is not anchored in, as the
    /// matcher would refuse it). <paramref name="folds"/> holds the fields' folded texts, filled on first use (title,
    /// description, text).</summary>
    public static ThemeMatch? Find(Article article, string code, IReadOnlyList<string> cues, FoldedText?[] folds, ScopeAnchor? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(article);
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
            var value = folded.Value;
            foreach (var cue in cues)
            {
                for (var at = value.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = value.IndexOf(cue, at + 1, StringComparison.Ordinal))
                {
                    var end = at + cue.Length;
                    if ((at > 0 && value[at - 1] != ' ') || (end < value.Length && value[end] != ' '))
                    {
                        continue;
                    }

                    var (start, stop) = folded.ToOriginal(at, end);
                    (evidence ??= []).Add(new Evidence(folded.Original[start..stop], start, stop, PlanMatcher.FieldName((ArticleField)f)));
                }
            }
        }

        return evidence is null ? null
            : new ThemeMatch(code, 0, [.. evidence.OrderBy(e => e.Field switch { "title" => 0, "description" => 1, _ => 2 }).ThenBy(e => e.Start)], Grade);
    }
}
