using System.Buffers;
using System.Runtime.CompilerServices;

namespace Monitor.Core.Tagging;

/// <summary>Where one body's sentences and paragraphs break (<see cref="ThemeGrade"/>'s rules), found in one pass over
/// the text. <see cref="ThemeGrade"/> grades every found theme of an article against the same body: scanning it again
/// for every theme and every hit was a tenth of the tagger's time (docs/tagging.md, "Speed"). The last body's layout
/// is kept per thread; the same string instance is the same text.</summary>
internal sealed class BodyLayout
{
    [ThreadStatic]
    private static BodyLayout? _last;

    // The characters a break is at or after: a line break, the end marks of a sentence, and what may end a paragraph.
    // The ASCII ones are searched apart from '…' and '”': a set of ASCII characters is found by one vectorised table
    // lookup, while a set mixing in others checks every non-ASCII character of the text (most of a Vietnamese one).
    private static readonly SearchValues<char> AsciiMarks = SearchValues.Create("\n.!?:\"");

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
        Scan(text, sentences, counted, paragraphs);
        (_sentenceBreaks, _countedBreaks, _paragraphBreaks) = ([.. sentences], [.. counted], [.. paragraphs]);
    }

    /// <summary>The breaks of <see cref="IsSentenceBreak"/> and <see cref="IsParagraphBreak"/>, in order. Every break is
    /// a line break or the character after a mark (". ", ":  ", "”  "), so the scan jumps from one of those to the next
    /// (vectorised searches) instead of asking both rules of every character, which was a twentieth of the whole
    /// process; <c>ScanEquivalenceTests</c> checks it against the rules character by character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Scan(string text, List<int> sentences, List<int> counted, List<int> paragraphs)
    {
        var length = text.Length;
        var ascii = Next(text, 0, true);
        var other = Next(text, 0, false);
        while (ascii >= 0 || other >= 0)
        {
            int p;
            if (other < 0 || (ascii >= 0 && ascii < other))
            {
                (p, ascii) = (ascii, Next(text, ascii + 1, true));
            }
            else
            {
                (p, other) = (other, Next(text, other + 1, false));
            }

            var c = text[p];
            if (c == '\n')
            {
                // A line break is a paragraph break, and a sentence break (counted when more text follows) after the start.
                if (p > 0)
                {
                    sentences.Add(p);
                    if (p < length - 1)
                    {
                        counted.Add(p);
                    }
                }

                paragraphs.Add(p);
            }
            else if (p + 1 < length && text[p + 1] != '\n')
            {
                // White space after an end mark breaks a sentence; two spaces after an end mark, a colon or a closing
                // quote break a paragraph. A line break there is the line break's own (above, when the scan reaches it).
                var i = p + 1;
                if (c is '.' or '!' or '?' or '…' && char.IsWhiteSpace(text[i]))
                {
                    sentences.Add(i);
                    if (i < length - 1 && !char.IsWhiteSpace(text[i + 1]))
                    {
                        counted.Add(i);
                    }
                }

                if (text[i] == ' ' && i + 1 < length && text[i + 1] == ' ')
                {
                    paragraphs.Add(i);
                }
            }
        }
    }

    // The next mark at or after from: an ASCII one, or '…' / '”'; -1 when none.
    private static int Next(string text, int from, bool ascii)
    {
        var rest = text.AsSpan(from);
        var at = ascii ? rest.IndexOfAny(AsciiMarks) : rest.IndexOfAny('…', '”');
        return at < 0 ? -1 : from + at;
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

    internal static bool IsParagraphBreak(string text, int i) =>
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
