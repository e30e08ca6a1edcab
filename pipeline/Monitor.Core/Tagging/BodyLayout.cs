namespace Monitor.Core.Tagging;

/// <summary>Where one body's sentences and paragraphs break (<see cref="ThemeGrade"/>'s rules), found in one pass over
/// the text. <see cref="ThemeGrade"/> grades every found theme of an article against the same body: scanning it again
/// for every theme and every hit was a tenth of the tagger's time (docs/tagging.md, "Speed"). The last body's layout
/// is kept per thread; the same string instance is the same text.</summary>
internal sealed class BodyLayout
{
    [ThreadStatic]
    private static BodyLayout? _last;

    private readonly string _text;
    private readonly int[] _sentenceBreaks;
    private readonly int[] _countedBreaks;
    private readonly int[] _paragraphBreaks;

    private BodyLayout(string text)
    {
        _text = text;
        var sentences = new List<int>();
        var counted = new List<int>();
        var paragraphs = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsSentenceBreak(text, i))
            {
                sentences.Add(i);
                if (i < text.Length - 1 && (c == '\n' || !char.IsWhiteSpace(text[i + 1])))
                {
                    counted.Add(i);
                }
            }

            if (c is '\n' or ' ' && IsParagraphBreak(text, i))
            {
                paragraphs.Add(i);
            }
        }

        (_sentenceBreaks, _countedBreaks, _paragraphBreaks) = ([.. sentences], [.. counted], [.. paragraphs]);
    }

    /// <summary>A sentence breaks at text[i] when it is a line break, or white space after an end mark (". ", "! ", "? ",
    /// "… "); never at 0. White space is asked of the few characters after a mark only (asking it of every character
    /// was most of this pass).</summary>
    internal static bool IsSentenceBreak(string text, int i) =>
        i > 0 && (text[i] == '\n' || (text[i - 1] is '.' or '!' or '?' or '…' && char.IsWhiteSpace(text[i])));

    public static BodyLayout Of(string text) =>
        _last is { } last && ReferenceEquals(last._text, text) ? last : _last = new BodyLayout(text);

    /// <summary>Where the sentence holding <paramref name="at"/> starts: after ". ", "! ", "? ", "… " or a line
    /// break, the last one before <paramref name="at"/> (0 when none).</summary>
    public int SentenceStart(int at)
    {
        var last = LastAtMost(_sentenceBreaks, Math.Min(at, _text.Length) - 1, 1);
        return last < 0 ? 0 : last + 1;
    }

    /// <summary>Sentences in text[start..end]: one more than the breaks inside (a break followed by white space, as
    /// in ".  " between paragraphs, is counted once).</summary>
    public int Sentences(int start, int end) =>
        1 + Math.Max(0, LowerBound(_countedBreaks, end - 1) - LowerBound(_countedBreaks, Math.Max(start, 1)));

    /// <summary>The paragraph holding <paramref name="at"/>: it ends at a line break, or at a sentence's end followed
    /// by two or more spaces (how text without line breaks, as some exports write it, still separates paragraphs).</summary>
    public (int Start, int End) Paragraph(int at)
    {
        var before = LastAtMost(_paragraphBreaks, Math.Min(at, _text.Length) - 1, 1);
        var after = LowerBound(_paragraphBreaks, at);
        var end = after < _paragraphBreaks.Length && _paragraphBreaks[after] < _text.Length - 1 ? _paragraphBreaks[after] : _text.Length;
        return (before < 0 ? 0 : before + 1, end);
    }

    private static bool IsParagraphBreak(string text, int i) =>
        text[i] == '\n' || (text[i] == ' ' && i + 1 < text.Length && text[i + 1] == ' ' && i > 0 && text[i - 1] is '.' or '!' or '?' or '…' or ':' or '"' or '”');

    // The last break b with min <= b <= max, or -1.
    private static int LastAtMost(int[] breaks, int max, int min)
    {
        var at = LowerBound(breaks, max + 1) - 1;
        return at >= 0 && breaks[at] >= min ? breaks[at] : -1;
    }

    // The index of the first break >= value.
    private static int LowerBound(int[] breaks, int value)
    {
        var at = Array.BinarySearch(breaks, value);
        return at >= 0 ? at : ~at;
    }
}
