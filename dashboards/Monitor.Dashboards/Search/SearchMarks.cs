using Monitor.Core.Text;

namespace Monitor.Dashboards.Search;

/// <summary>A piece of shown text, marked when it matched a searched word.</summary>
public sealed record Marked(string Text, bool Hit);

/// <summary>Finds the searched words in a text as the index found them (whole folded words, so "ngo doc" meets
/// "ngộ độc") and cuts the original text at those places; the page writes each piece escaped and wraps the hits in
/// &lt;mark&gt;.</summary>
public static class SearchMarks
{
    /// <summary>The searched words, folded as the index holds them.</summary>
    public static IReadOnlyList<string> Words(string query) =>
        VietnameseFolding.Key(query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The original text's ranges of the words' whole-word occurrences, merged and in order.</summary>
    public static IReadOnlyList<(int Start, int End)> Find(string text, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (string.IsNullOrEmpty(text) || words.Count == 0)
        {
            return [];
        }

        var folded = VietnameseFolding.Fold(text);
        var key = folded.Value;
        var spans = new List<(int Start, int End)>();
        foreach (var word in words)
        {
            for (var at = key.IndexOf(word, StringComparison.Ordinal); at >= 0; at = key.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                var end = at + word.Length;
                if ((at == 0 || key[at - 1] == ' ') && (end == key.Length || key[end] == ' '))
                {
                    spans.Add(folded.ToOriginal(at, end));
                }
            }
        }

        spans.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var s in spans)
        {
            // Words next to each other ("ngộ độc") make one mark.
            if (merged.Count > 0 && (s.Start <= merged[^1].End || string.IsNullOrWhiteSpace(text[merged[^1].End..s.Start])))
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, s.End));
            }
            else
            {
                merged.Add(s);
            }
        }

        return merged;
    }

    /// <summary>The whole text cut at the hits.</summary>
    public static IReadOnlyList<Marked> Cut(string text, IReadOnlyList<string> words) => Cut(text ?? "", Find(text ?? "", words), 0, (text ?? "").Length);

    /// <summary>About <paramref name="length"/> characters of the text around its first hit (its start when none), cut
    /// at word boundaries, with "…" where it was shortened.</summary>
    public static IReadOnlyList<Marked> Snippet(string text, IReadOnlyList<string> words, int length = 240) => Snippet(text ?? "", Find(text ?? "", words), length);

    /// <summary>The whole text cut at the given ranges (ordered, not overlapping: <see cref="Find"/>'s or evidence's).</summary>
    public static IReadOnlyList<Marked> Cut(string text, IReadOnlyList<(int Start, int End)> hits) => Cut(text ?? "", hits, 0, (text ?? "").Length);

    /// <summary>About <paramref name="length"/> characters of the text around its first range (ordered, not overlapping),
    /// cut at word boundaries, with "…" where it was shortened.</summary>
    public static IReadOnlyList<Marked> Snippet(string text, IReadOnlyList<(int Start, int End)> hits, int length = 240)
    {
        ArgumentNullException.ThrowIfNull(hits);
        text ??= "";
        if (text.Length <= length)
        {
            return Cut(text, hits, 0, text.Length);
        }

        var from = hits.Count > 0 ? Math.Max(0, hits[0].Start - (length / 3)) : 0;
        var to = Math.Min(text.Length, from + length);
        while (from > 0 && !char.IsWhiteSpace(text[from - 1]))
        {
            from--;
        }

        while (to < text.Length && !char.IsWhiteSpace(text[to]))
        {
            to++;
        }

        var cut = Cut(text, hits, from, to);
        if (from > 0)
        {
            cut.Insert(0, new Marked("… ", false));
        }

        if (to < text.Length)
        {
            cut.Add(new Marked(" …", false));
        }

        return cut;
    }

    private static List<Marked> Cut(string text, IReadOnlyList<(int Start, int End)> hits, int from, int to)
    {
        var pieces = new List<Marked>();
        var at = from;
        foreach (var (start, end) in hits)
        {
            var (s, e) = (Math.Max(start, from), Math.Min(end, to));
            if (s >= e)
            {
                continue;
            }

            if (s > at)
            {
                pieces.Add(new Marked(text[at..s], false));
            }

            pieces.Add(new Marked(text[s..e], true));
            at = e;
        }

        if (at < to)
        {
            pieces.Add(new Marked(text[at..to], false));
        }

        return pieces;
    }
}
