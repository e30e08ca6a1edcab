using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.References;
using Monitor.Core.Scope;
using Monitor.Core.Tagging.Rules;
using Monitor.Core.Text;
using Monitor.Core.Time;

namespace Monitor.Core.Tagging;

/// <summary>One compiled matcher per plan version. Every phrase of every theme (keywords, phrases of rules and
/// exclusions) sits in ONE automaton, run once per field over the folded text; rules are then evaluated over the
/// hit lists. Keywords are OR-ed; a true rule adds its hits; a true exclusion drops the theme. The score weighs
/// where and how often evidence appears (<see cref="ScoringOptions"/>). An article that cites a document a theme
/// rests on ("Công văn số 3908/UBND-KGVX") counts toward that theme too. Thread-safe once built.</summary>
public sealed class PlanMatcher
{
    [ThreadStatic]
    private static (List<Hit> Hits, List<string> References, List<PhraseOccurrence> Occurrences)? _scratch;

    private readonly PhraseAutomaton _automaton;
    private readonly List<string> _phrases = [];
    private readonly Dictionary<string, int> _phraseIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _referenceGroups = new(StringComparer.Ordinal);
    private readonly List<CompiledTheme> _themes = [];
    private readonly int[][] _themesByGroup;
    private readonly List<ScopeAnchor> _scopes = [];

    public PlanMatcher(Plan plan, double threshold = 1.0)
        : this(plan, ScoringOptions.Default with { Threshold = threshold })
    {
    }

    /// <exception cref="PlanFormatException">A rule or exclusion of a theme cannot be read.</exception>
    public PlanMatcher(Plan plan, ScoringOptions scoring)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scoring);
        Plan = plan;
        Scoring = scoring;
        var pending = new List<(Theme Theme, List<int> Keywords, RuleNode[] Rules, RuleNode[] Exclusions)>();
        foreach (var theme in plan.Themes)
        {
            var keywords = theme.Keywords.Select(VietnameseFolding.Key).Where(k => k.Length > 0).Distinct().Select(PhraseId).ToList();
            var rules = (theme.Rules ?? []).Select(r => Compile(theme, r, exclusion: false)).ToArray();
            var exclusions = (theme.Exclude ?? []).Select(r => Compile(theme, r, exclusion: true)).ToArray();
            pending.Add((theme, keywords, rules, exclusions));
        }

        foreach (var (theme, keywords, _, _) in pending)
        {
            foreach (var number in theme.References.Select(r => DocumentReferenceExtractor.Normalize(r) ?? r).Distinct())
            {
                if (!_referenceGroups.TryGetValue(number, out var group))
                {
                    _referenceGroups[number] = group = _phrases.Count + _referenceGroups.Count;
                }

                keywords.Add(group);
            }
        }

        var byGroup = new List<int>[_phrases.Count + _referenceGroups.Count];
        foreach (var (theme, keywords, rules, exclusions) in pending)
        {
            var index = _themes.Count;
            var phrases = keywords.Where(k => k < _phrases.Count).Select(k => _phrases[k]).Concat(rules.SelectMany(r => r.Phrases).Select(p => p.Folded));
            _themes.Add(new CompiledTheme(theme.Code, [.. keywords.Distinct()], rules, exclusions, Math.Max(1, theme.MinEvidence ?? 1), ScopeIndex(theme),
                scoring.TitleNamesHeading ? HeadingWords.Of(theme.Title, phrases) : []));
            // A theme is looked at when one of its keywords or one of its rules' phrases occurs; exclusions alone never make it a candidate.
            foreach (var group in keywords.Concat(rules.SelectMany(r => r.Phrases).Select(p => p.Id)).Distinct())
            {
                (byGroup[group] ??= []).Add(index);
            }
        }

        _themesByGroup = [.. byGroup.Select(l => l is null ? [] : l.ToArray())];
        _automaton = new PhraseAutomaton(_phrases);
    }

    public Plan Plan { get; }

    public ScoringOptions Scoring { get; }

    /// <summary>The least score that counts an article as covering a theme.</summary>
    public double Threshold => Scoring.Threshold;

    /// <summary>Distinct folded phrases in the automaton (keywords, rule and exclusion phrases of all themes).</summary>
    public int PhraseCount => _phrases.Count;

    public long ApproximateBytes => _automaton.ApproximateBytes + _phrases.Sum(p => 40L + p.Length * 2) + _themesByGroup.Sum(t => 24L + t.Length * 4);

    /// <summary>Tags one article: the themes whose score reaches the threshold with enough evidence and no
    /// exclusion, strongest first, each with its grade (passing mentions included: callers that count keep only
    /// <see cref="ThemeMatch.Counts"/>), and every document number the article cites.</summary>
    public TagResult Tag(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        string?[] originals = [article.Title, article.Description, article.Text];
        var folds = new string?[originals.Length];
        // The working lists are the thread's, emptied for each article: what outlives the call is copied out of them.
        var (hits, references, occurrences) = _scratch ??= ([], [], []);
        hits.Clear();
        references.Clear();
        for (var f = 0; f < originals.Length; f++)
        {
            var original = originals[f];
            if (string.IsNullOrEmpty(original))
            {
                continue;
            }

            var field = (ArticleField)f;
            foreach (var cited in DocumentReferenceExtractor.FindNumbers(original))
            {
                references.Add(cited.Number);
                if (_referenceGroups.TryGetValue(cited.Number, out var group))
                {
                    hits.Add(new Hit(group, field, cited.Start, cited.Start + cited.Length, -1, -1, Scoring.Weight(field, cited.Start)));
                }
            }

            // The folded keys are kept only for scope anchors.
            folds[f] = FieldScan.Run(_automaton, original, field, Scoring, hits, occurrences, keepKey: _scopes.Count > 0);
        }

        // Whether the article is anchored in each scope, asked only when a scoped theme has evidence.
        var anchored = new bool?[_scopes.Count];
        bool Anchored(int scope) => anchored[scope] ??= _scopes[scope].Anchors(article, folds);
        var day = article.Published is { } published ? DateOnly.FromDateTime(VietnamTime.ToLocal(published).DateTime) : (DateOnly?)null;
        var themes = hits.Count == 0 ? [] : Score(new HitIndex(hits, day), originals, folds, Anchored);
        return new TagResult(article.Id, article.Outlet, themes, references.Distinct().ToList());
    }

    private List<ThemeMatch> Score(HitIndex index, string?[] originals, string?[] folds, Func<int, bool> anchored)
    {
        var candidates = new List<int>();
        foreach (var group in index.Groups)
        {
            candidates.AddRange(_themesByGroup[group]);
        }

        candidates.Sort();
        // The folded title: the scan's key when scope anchors kept it, else folded once, only for a mention a title can name (HeadingWords).
        var title = folds[(int)ArticleField.Title];
        var found = new List<(CompiledTheme Theme, SubjectCompetition.Graded Graded)>();
        var evidence = new List<Hit>();
        for (var c = 0; c < candidates.Count; c++)
        {
            if (c > 0 && candidates[c] == candidates[c - 1])
            {
                continue;
            }

            var theme = _themes[candidates[c]];
            evidence.Clear();
            foreach (var group in theme.Groups)
            {
                evidence.AddRange(index.Of(group));
            }

            foreach (var rule in theme.Rules)
            {
                rule.Evaluate(index, evidence);
            }

            if (evidence.Count == 0 || theme.Exclusions.Any(x => x.Evaluate(index, [])) || (theme.Scope >= 0 && !anchored(theme.Scope)))
            {
                continue;
            }

            var (score, kept) = ThemeScore.Of(evidence, Scoring);
            if (kept.Count < theme.MinEvidence || score < Scoring.Threshold)
            {
                continue;
            }

            var grade = ThemeGrade.Of(kept, originals[(int)ArticleField.Text], Scoring, separateLead: !string.IsNullOrWhiteSpace(originals[(int)ArticleField.Description]));
            // A title that names the theme in its heading's words makes the body's evidence part of the story's subject.
            if (grade == ThemeGrade.Mention && theme.Heading is { Length: > 0 } heading && originals[(int)ArticleField.Title] is { Length: > 0 } original
                && HeadingWords.Named(title ??= VietnameseFolding.Key(original), heading))
            {
                grade = ThemeGrade.Partial;
            }

            found.Add((theme, new SubjectCompetition.Graded(score, kept, grade)));
        }

        // Another theme that is the article's subject takes its sentences and its opening (SubjectCompetition).
        var grades = found.Count > 1 ? SubjectCompetition.Regrade(found.ConvertAll(f => f.Graded), originals, Scoring) : null;
        var matches = new List<ThemeMatch>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var (theme, (score, kept, grade)) = found[i];
            matches.Add(new ThemeMatch(theme.Code, Math.Round(score, 2),
                [.. kept.Select(h => new Evidence(originals[(int)h.Field]![h.Start..h.End], h.Start, h.End, FieldName(h.Field)))],
                grades is null ? grade : grades[i]));
        }

        return [.. matches.OrderByDescending(t => t.Score).ThenBy(t => t.Code, StringComparer.Ordinal)];
    }

    private int ScopeIndex(Theme theme)
    {
        if (string.IsNullOrWhiteSpace(theme.Scope))
        {
            return -1;
        }

        var province = Gazetteer.Default.Find(theme.Scope)
            ?? throw new PlanFormatException($"chủ đề '{theme.Code}': phạm vi '{theme.Scope}' không có trong danh mục địa danh (pipeline/Monitor.Core/Scope/gazetteer.yaml)");
        var at = _scopes.FindIndex(s => s.Province == province);
        if (at < 0)
        {
            _scopes.Add(new ScopeAnchor(Gazetteer.Default, province));
            at = _scopes.Count - 1;
        }

        return at;
    }

    private int PhraseId(string folded)
    {
        if (!_phraseIds.TryGetValue(folded, out var id))
        {
            _phraseIds[folded] = id = _phrases.Count;
            _phrases.Add(folded);
        }

        return id;
    }

    private RuleNode Compile(Theme theme, string rule, bool exclusion)
    {
        var problem = RuleSyntax.Check(rule, exclusion);
        if (problem is not null)
        {
            var what = exclusion ? "loại trừ" : "luật";
            throw new PlanFormatException($"chủ đề '{theme.Code}': {what} '{rule}': {problem.Message} (cột {problem.Column})");
        }

        var node = RuleParser.Parse(rule);
        foreach (var phrase in node.Phrases)
        {
            phrase.Id = PhraseId(phrase.Folded);
        }

        return node;
    }

    internal static string FieldName(ArticleField field) => field switch
    {
        ArticleField.Title => "title",
        ArticleField.Description => "description",
        _ => "text",
    };
}
