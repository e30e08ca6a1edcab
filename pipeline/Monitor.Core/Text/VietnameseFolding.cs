using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Monitor.Core.Text;

/// <summary>
/// The one folding rule used everywhere text is matched or indexed (ARCHITECTURE.md, "Vietnamese text"):
/// any normalisation form in, lower case, diacritics and tone marks removed (so both tone placements
/// meet), đ/Đ → d, every run of punctuation and whitespace → one space, no leading or trailing space.
/// </summary>
public static class VietnameseFolding
{
    private const char Drop = '\0';
    private const char Separator = ' ';

    // One entry per UTF-16 code unit: the folded character, Drop for combining marks, Separator for the rest.
    private static readonly char[] Table = BuildTable();

    /// <summary>Folds a text to its key, keeping the offsets back to the original.</summary>
    public static FoldedText Fold(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        // Work in pooled buffers and allocate only the exact-size result: the tagger folds every field of every article.
        var value = ArrayPool<char>.Shared.Rent(Math.Max(1, original.Length));
        var starts = ArrayPool<int>.Shared.Rent(Math.Max(1, original.Length));
        var ends = ArrayPool<int>.Shared.Rent(Math.Max(1, original.Length));
        try
        {
            var n = Run(original, value, starts, ends, offsets: true);
            return new FoldedText(original, new string(value, 0, n), starts[..n], ends[..n]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(value);
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<int>.Shared.Return(ends);
        }
    }

    /// <summary>The folded key alone, for phrases and index terms (the same rule, without the offsets).</summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            return new string(value, 0, Run(text, value, [], [], offsets: false));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(value);
        }
    }

    /// <summary>Folds into the caller's buffers (each at least <paramref name="original"/>'s length): the key into
    /// <paramref name="value"/>, each key character's span in the original into <paramref name="starts"/> and
    /// <paramref name="ends"/>; returns the key's length. For the tagger, which folds every field of every article
    /// and needs no string of the key.</summary>
    internal static int Fold(ReadOnlySpan<char> original, Span<char> value, Span<int> starts, Span<int> ends) =>
        Run(original, value, starts, ends, offsets: true);

    /// <summary>The folding loop: writes the key into <paramref name="value"/> and, when <paramref name="offsets"/>,
    /// each key character's span in the original; returns the key's length. Compiled fully optimised on its first call
    /// (the tagger runs it over every field; docs/tagging.md, "Speed").</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Run(ReadOnlySpan<char> original, Span<char> value, Span<int> starts, Span<int> ends, bool offsets)
    {
        var table = Table;
        var n = 0;
        var pendingSpace = false;
        for (var i = 0; i < original.Length; i++)
        {
            var c = table[original[i]];
            if (c == Drop)
            {
                // A combining mark belongs to the character before it: widen that character's span.
                if (offsets && n > 0 && ends[n - 1] == i)
                {
                    ends[n - 1] = i + 1;
                }

                continue;
            }

            if (c == Separator)
            {
                pendingSpace = n > 0;
                continue;
            }

            if (pendingSpace)
            {
                value[n] = Separator;
                if (offsets)
                {
                    starts[n] = i;
                    ends[n] = i;
                }

                n++;
                pendingSpace = false;
            }

            value[n] = c;
            if (offsets)
            {
                starts[n] = i;
                ends[n] = i + 1;
            }

            n++;
        }

        return n;
    }

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            table[i] = FoldOne(c);
        }

        return table;
    }

    private static char FoldOne(char c)
    {
        if (c is 'đ' or 'Đ' or 'ð' or 'Ð')
        {
            return 'd';
        }

        if (char.IsSurrogate(c))
        {
            return Separator;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.Format)
        {
            return Drop;
        }

        if (!char.IsLetterOrDigit(c))
        {
            return Separator;
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var letter = decomposed[0];
        if (char.IsSurrogate(letter) || !char.IsLetterOrDigit(letter))
        {
            return Separator;
        }

        var lower = char.ToLowerInvariant(letter);
        return lower is 'đ' ? 'd' : lower;
    }
}
