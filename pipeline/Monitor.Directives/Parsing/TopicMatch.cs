using Monitor.Core.Plans;

namespace Monitor.Directives.Parsing;

/// <summary>Finds the theme a later passage serves ("Hoạt động truyền thông quảng bá du lịch" serves "Truyền thông
/// du lịch") by the content words they share. Built once for a plan's themes: the words common to most titles, each
/// title's words and which titles hold each word are worked out once, and a passage is scored only against the
/// titles that share a word with it. Asking every theme for every passage made an import quadratic in the length of
/// the directive (20,000 lines: 105 s).</summary>
internal sealed class TopicMatch
{
    private readonly HashSet<string> _common;
    private readonly List<(Theme Theme, List<string> Title)> _titles = [];
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);

    public TopicMatch(IReadOnlyList<Theme> themes)
    {
        ArgumentNullException.ThrowIfNull(themes);
        // A word in most theme titles ("truyền thông" in a media plan) tells none of them apart.
        _common = themes.Count < 3 ? [] : themes.SelectMany(t => TextTools.ContentWords(TextTools.Fold(t.Title)))
            .GroupBy(w => w, StringComparer.Ordinal).Where(g => g.Count() * 2 > themes.Count).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        // Of themes whose titles have the same words only the first can win (a later one never scores higher).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var theme in themes)
        {
            var title = TextTools.ContentWords(TextTools.Fold(theme.Title)).Where(w => !_common.Contains(w)).ToList();
            if (title.Count == 0 || !seen.Add(string.Join(' ', title.Order(StringComparer.Ordinal))))
            {
                continue;
            }

            foreach (var word in title)
            {
                if (!_byWord.TryGetValue(word, out var holders))
                {
                    _byWord[word] = holders = [];
                }

                holders.Add(_titles.Count);
            }

            _titles.Add((theme, title));
        }
    }

    /// <summary>The theme whose title shares at least two content words with <paramref name="text"/> and the largest
    /// share of the shorter of the two (at least <paramref name="minShare"/>); the first such theme on a tie.</summary>
    public Theme? Best(string text, double minShare = 0.5)
    {
        var words = TextTools.ContentWords(TextTools.Fold(text));
        words.ExceptWith(_common);
        var candidates = words.SelectMany(w => _byWord.GetValueOrDefault(w) ?? []).Distinct().Order();
        Theme? best = null;
        var bestScore = 0.0;
        foreach (var index in candidates)
        {
            var (theme, title) = _titles[index];
            var shared = title.Count(words.Contains);
            var score = shared / (double)Math.Min(title.Count, words.Count);
            if (shared >= 2 && score >= minShare && score > bestScore)
            {
                best = theme;
                bestScore = score;
            }
        }

        return best;
    }
}
