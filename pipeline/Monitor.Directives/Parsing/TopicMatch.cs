using Monitor.Core.Plans;

namespace Monitor.Directives.Parsing;

/// <summary>Finds the theme a later passage serves ("Hoạt động truyền thông quảng bá du lịch" serves "Truyền thông
/// du lịch") by the content words they share.</summary>
internal static class TopicMatch
{
    public static Theme? Best(string text, IEnumerable<Theme> themes, double minShare = 0.5)
    {
        var all = themes.ToList();
        // A word in most theme titles ("truyền thông" in a media plan) tells none of them apart.
        var common = all.Count < 3 ? [] : all.SelectMany(t => TextTools.ContentWords(TextTools.Fold(t.Title)).Distinct())
            .GroupBy(w => w, StringComparer.Ordinal).Where(g => g.Count() * 2 > all.Count).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var words = TextTools.ContentWords(TextTools.Fold(text)).Where(w => !common.Contains(w)).ToList();
        Theme? best = null;
        var bestScore = 0.0;
        foreach (var theme in all)
        {
            var title = TextTools.ContentWords(TextTools.Fold(theme.Title)).Where(w => !common.Contains(w)).ToList();
            var shared = title.Count(words.Contains);
            var score = title.Count == 0 || words.Count == 0 ? 0 : shared / (double)Math.Min(title.Count, words.Count);
            if (shared >= 2 && score >= minShare && score > bestScore)
            {
                best = theme;
                bestScore = score;
            }
        }

        return best;
    }
}
