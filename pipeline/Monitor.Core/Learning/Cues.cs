using System.Globalization;
using System.Text;
using Monitor.Core.Text;

namespace Monitor.Core.Learning;

/// <summary>One theme's near-miss cues (<see cref="NearMisses"/>), ready to search an article's folded fields. A cue is a
/// two-word piece of the theme's phrases as the plan writes it ("nhà giáo"); it is looked for on the folded key, like
/// every phrase, but an occurrence counts only when
/// <list type="bullet">
/// <item>its accents are the cue's (case and tone placement aside): the folded key "nam doi" of the piece "năm đổi"
/// ("40 năm đổi mới") is also "Nam đối" of "Việt Nam đối tác", a different pair of words — folding is right for a whole
/// phrase, whose length makes collisions rare, and wrong for two syllables, where they are common. A cue the plan writes
/// without any accent ("nha giao") is compared on the folded key alone, as the plan gives nothing more;</item>
/// <item>it does not lie inside an occurrence of one of the theme's <see cref="Masks"/>: the phrases of three words or
/// more the plan says are <i>not</i> the theme (right of EXCEPT, under NOT, the theme's exclusions) — "Luật Nhà giáo"
/// for the cue "nhà giáo" of the rule <c>"Nhà giáo" EXCEPT "Luật Nhà giáo"</c>.</item>
/// </list>
/// Immutable and thread-safe.</summary>
internal sealed class Cues
{
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byKey;
    private readonly string?[] _accents;

    /// <param name="written">The cues as written (lower case), each two words.</param>
    /// <param name="masks">Folded phrases an occurrence must not lie inside.</param>
    public Cues(IReadOnlyList<string> written, IReadOnlyList<string> masks)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(masks);
        Written = written;
        Masks = masks;
        _accents = [.. written.Select(w => Accents(w) is { Marked: true } a ? a.Key : null)];
        _byKey = written.Select((w, i) => (Key: VietnameseFolding.Key(w), Index: i)).GroupBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Index).ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<string> Written { get; }

    public IReadOnlyList<string> Masks { get; }

    /// <summary>The cues of <paramref name="kept"/> (in its order) with the masks that hold one of them and more: a
    /// phrase of two words is a cue's own key or another, and an exclusion's "ngộ độc" (of <c>"ngộ độc" NEAR/6 "thuốc
    /// trừ sâu"</c>) excludes nothing alone.</summary>
    public Cues Only(IReadOnlyList<string> kept)
    {
        var keys = kept.Select(k => " " + VietnameseFolding.Key(k) + " ").ToList();
        return new Cues(kept, [.. Masks.Where(m => m.Count(c => c == ' ') >= 2 && keys.Exists(k => (" " + m + " ").Contains(k, StringComparison.Ordinal)))]);
    }

    /// <summary>Every occurrence of a cue in one folded field that counts: the cue's index and the folded range.</summary>
    public List<(int Cue, int Start, int End)> Find(FoldedText field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var found = new List<(int Cue, int Start, int End)>();
        var value = field.Value;
        List<(int Start, int End)>? masked = null;
        var previous = -1;
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && value[i] != ' ')
            {
                continue;
            }

            // Word [start, i); the pair is [previous, i).
            if (previous >= 0 && _byKey.TryGetValue(value.AsSpan(previous, i - previous), out var cues))
            {
                foreach (var cue in cues)
                {
                    if ((_accents[cue] is not { } accents || Accents(field.OriginalSlice(previous, i)).Key == accents)
                        && !(masked ??= MaskRanges(value)).Exists(m => m.Start <= previous && m.End >= i))
                    {
                        found.Add((cue, previous, i));
                    }
                }
            }

            previous = start;
            start = i + 1;
        }

        return found;
    }

    private List<(int Start, int End)> MaskRanges(string value)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (var mask in Masks)
        {
            for (var at = value.IndexOf(mask, StringComparison.Ordinal); at >= 0; at = value.IndexOf(mask, at + 1, StringComparison.Ordinal))
            {
                var end = at + mask.Length;
                if ((at == 0 || value[at - 1] == ' ') && (end == value.Length || value[end] == ' '))
                {
                    ranges.Add((at, end));
                }
            }
        }

        return ranges;
    }

    /// <summary>A text's syllables with their accents, lower case, each syllable's tone mark moved to its end so both
    /// tone placements meet ("hòa" and "hoà"), everything else a word separator: what two spellings must share to be the
    /// same words. <c>Marked</c>: the text carries any accent (a tone or vowel mark, or đ).</summary>
    internal static (string Key, bool Marked) Accents(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = new StringBuilder(text.Length + 4);
        var tone = '\0';
        var marked = false;
        void End()
        {
            if (tone != '\0')
            {
                key.Append(tone);
                tone = '\0';
            }

            if (key.Length > 0 && key[^1] != ' ')
            {
                key.Append(' ');
            }
        }

        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323')
            {
                (tone, marked) = (c, true);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                key.Append(c);
                marked = true;
            }
            else if (char.IsLetterOrDigit(c))
            {
                var lower = char.ToLowerInvariant(c);
                marked |= lower == 'đ';
                key.Append(lower);
            }
            else
            {
                End();
            }
        }

        End();
        return (key.ToString().TrimEnd(), marked);
    }
}
