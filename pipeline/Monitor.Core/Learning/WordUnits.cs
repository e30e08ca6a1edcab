namespace Monitor.Core.Learning;

/// <summary>Which two-word pieces of a theme's phrases are word units (near-miss cues, <see cref="NearMisses"/>).
/// Vietnamese writes syllables, not words: "ngộ độc thực phẩm" is two words, "ngộ độc" and "thực phẩm", and its piece
/// "độc thực" straddles them, as "năm đổi" straddles "năm | đổi mới" and "giáo việt" "nhà giáo | Việt Nam". A straddle
/// is not the phrase's words and occurs mostly elsewhere ("50 năm ngày truyền thống" for "35 năm Ngày hội …"). No word
/// list is needed to tell them: a word's syllables stick together in running text more than syllables across a word
/// edge do. So a piece is a unit when, in some phrase of the theme, its cohesion in the training articles (Dice: twice
/// the pair's count over the sum of its syllables' counts, on folded keys) is at least that of each overlapping piece
/// beside it; a phrase of two words is its own unit.</summary>
internal sealed class WordUnits
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <param name="phrases">The folded phrases whose pieces are asked about.</param>
    public WordUnits(IEnumerable<string> phrases)
    {
        Phrases = [.. phrases.Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length >= 2)];
        foreach (var words in Phrases)
        {
            for (var i = 0; i < words.Length; i++)
            {
                _counts[words[i]] = 0;
                if (i > 0)
                {
                    _counts[words[i - 1] + " " + words[i]] = 0;
                }
            }
        }

        _lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<string[]> Phrases { get; }

    /// <summary>Counts the phrases' syllables and pieces in one folded text.</summary>
    public void Add(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var previous = -1;
        var start = 0;
        for (var i = 0; i <= folded.Length; i++)
        {
            if (i < folded.Length && folded[i] != ' ')
            {
                continue;
            }

            Count(folded.AsSpan(start, i - start));
            if (previous >= 0)
            {
                Count(folded.AsSpan(previous, i - previous));
            }

            previous = start;
            start = i + 1;
        }
    }

    private void Count(ReadOnlySpan<char> key)
    {
        if (_lookup.TryGetValue(key, out var n))
        {
            _lookup[key] = n + 1;
        }
    }

    /// <summary>The folded pieces that are word units in at least one phrase.</summary>
    public HashSet<string> Units()
    {
        var units = new HashSet<string>(StringComparer.Ordinal);
        foreach (var words in Phrases)
        {
            var dice = new double[words.Length - 1];
            for (var i = 0; i < dice.Length; i++)
            {
                var (a, b, ab) = (_counts[words[i]], _counts[words[i + 1]], _counts[words[i] + " " + words[i + 1]]);
                dice[i] = a + b == 0 ? 0 : 2.0 * ab / (a + b);
            }

            for (var i = 0; i < dice.Length; i++)
            {
                if ((i == 0 || dice[i] >= dice[i - 1]) && (i == dice.Length - 1 || dice[i] >= dice[i + 1]))
                {
                    units.Add(words[i] + " " + words[i + 1]);
                }
            }
        }

        return units;
    }
}
