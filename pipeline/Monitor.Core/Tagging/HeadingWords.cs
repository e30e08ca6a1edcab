using Monitor.Core.Text;

namespace Monitor.Core.Tagging;

/// <summary>A title that names a theme's subject in the directive's own words (docs/tagging.md, "What counts: the title
/// names the subject"). A story tells its subject in its title; when the title holds two words in a row of the theme's
/// heading — as the directive wrote it ("Phòng ngừa ngộ độc thực phẩm", "Phòng cháy, chữa cháy … phương tiện giao thông
/// điện") — that also stand in one of the theme's phrases, and the body has the theme's evidence, the theme is a part of
/// the story, not a passing mention: "Kiểm tra an toàn thực phẩm tại bếp ăn" over a body that says "ngộ độc thực phẩm"
/// in its third paragraph. Heading words that are in no phrase of the theme ("Tuyên truyền", "kết quả", "phát triển
/// kinh tế") are the directive's framing, not its subject, and are left out.</summary>
internal static class HeadingWords
{
    /// <summary>The folded word pairs ("ngo doc") of <paramref name="heading"/> that also stand in one of the theme's
    /// folded <paramref name="phrases"/>; empty when none.</summary>
    public static string[] Of(string heading, IEnumerable<string> phrases)
    {
        var words = VietnameseFolding.Key(heading).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var padded = phrases.Where(p => p.Contains(' ', StringComparison.Ordinal)).Select(p => $" {p} ").ToList();
        var pairs = new List<string>();
        for (var i = 1; i < words.Length; i++)
        {
            var pair = $"{words[i - 1]} {words[i]}";
            if (!pairs.Contains(pair, StringComparer.Ordinal) && padded.Exists(p => p.Contains($" {pair} ", StringComparison.Ordinal)))
            {
                pairs.Add(pair);
            }
        }

        return [.. pairs];
    }

    /// <summary>True when the folded title holds one of the pairs as whole words.</summary>
    public static bool Named(string foldedTitle, string[] pairs)
    {
        foreach (var pair in pairs)
        {
            var at = foldedTitle.IndexOf(pair, StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = at + pair.Length;
                if ((at == 0 || foldedTitle[at - 1] == ' ') && (end == foldedTitle.Length || foldedTitle[end] == ' '))
                {
                    return true;
                }

                at = foldedTitle.IndexOf(pair, at + 1, StringComparison.Ordinal);
            }
        }

        return false;
    }
}
