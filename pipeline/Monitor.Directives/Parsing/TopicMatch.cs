using Monitor.Core.Plans;

namespace Monitor.Directives.Parsing;

/// <summary>Finds the theme a later passage serves ("Hoạt động truyền thông quảng bá du lịch" serves "Truyền thông
/// du lịch") by the content words they share.</summary>
internal static class TopicMatch
{
    public static Theme? Best(string text, IEnumerable<Theme> themes, double minShare = 0.5)
    {
        var words = TextTools.ContentWords(TextTools.Fold(text));
        Theme? best = null;
        var bestScore = 0.0;
        foreach (var theme in themes)
        {
            var title = TextTools.ContentWords(TextTools.Fold(theme.Title));
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
