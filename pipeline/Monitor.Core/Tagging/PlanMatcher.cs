using Monitor.Core.Articles;
using Monitor.Core.Plans;
using Monitor.Core.References;
using Monitor.Core.Text;

namespace Monitor.Core.Tagging;

/// <summary>One compiled matcher per plan version: every theme's keywords in one automaton, matched in one pass
/// per field. A title hit weighs more than a lead hit, which weighs more than a body hit. An article that cites a
/// document a theme rests on ("Công văn số 3908/UBND-KGVX") counts toward that theme too.</summary>
public sealed class PlanMatcher
{
    private static readonly (string Field, double Weight)[] Fields = [("title", 3), ("description", 2), ("text", 1)];

    private readonly PhraseAutomaton _automaton;
    private readonly List<(string Theme, string Phrase)> _phrases = [];
    private readonly Dictionary<string, List<string>> _themesByReference = new(StringComparer.Ordinal);

    public PlanMatcher(Plan plan, double threshold = 1.0)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        Threshold = threshold;
        foreach (var theme in plan.Themes)
        {
            foreach (var keyword in theme.Keywords.Select(VietnameseFolding.Key).Where(k => k.Length > 0).Distinct())
            {
                _phrases.Add((theme.Code, keyword));
            }
        }

        foreach (var theme in plan.Themes)
        {
            foreach (var number in theme.References.Select(r => DocumentReferenceExtractor.Normalize(r) ?? r).Distinct())
            {
                if (!_themesByReference.TryGetValue(number, out var themes))
                {
                    _themesByReference[number] = themes = [];
                }

                themes.Add(theme.Code);
            }
        }

        _automaton = new PhraseAutomaton(_phrases.Select(p => p.Phrase).ToList());
    }

    public Plan Plan { get; }

    /// <summary>The least score that counts an article as covering a theme.</summary>
    public double Threshold { get; }

    public int PhraseCount => _phrases.Count;

    public long ApproximateBytes => _automaton.ApproximateBytes + _phrases.Sum(p => 40L + p.Phrase.Length * 2);

    /// <summary>Tags one article: the themes whose score reaches the threshold, strongest first, and every
    /// document number the article cites.</summary>
    public TagResult Tag(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var scores = new Dictionary<string, (double Score, List<Evidence> Evidence)>();
        var references = new List<string>();
        foreach (var (field, weight) in Fields)
        {
            var original = field switch { "title" => article.Title, "description" => article.Description, _ => article.Text };
            if (string.IsNullOrEmpty(original))
            {
                continue;
            }

            foreach (var cited in DocumentReferenceExtractor.FindNumbers(original))
            {
                references.Add(cited.Number);
                foreach (var theme in _themesByReference.GetValueOrDefault(cited.Number) ?? [])
                {
                    var entry = scores.GetValueOrDefault(theme, (0, []));
                    entry.Evidence.Add(new Evidence(original.Substring(cited.Start, cited.Length), cited.Start, cited.Start + cited.Length, field));
                    scores[theme] = (entry.Score + weight, entry.Evidence);
                }
            }

            var folded = VietnameseFolding.Fold(original);
            _automaton.Match(folded.Value, (id, start, end) =>
            {
                var (theme, _) = _phrases[id];
                var (s, e) = folded.ToOriginal(start, end);
                var entry = scores.GetValueOrDefault(theme, (0, []));
                entry.Evidence.Add(new Evidence(original[s..e], s, e, field));
                scores[theme] = (entry.Score + weight, entry.Evidence);
            });
        }

        var themes = scores.Where(kv => kv.Value.Score >= Threshold)
            .Select(kv => new ThemeMatch(kv.Key, kv.Value.Score, kv.Value.Evidence))
            .OrderByDescending(t => t.Score).ThenBy(t => t.Code, StringComparer.Ordinal)
            .ToList();
        return new TagResult(article.Id, article.Outlet, themes, references.Distinct().ToList());
    }
}
