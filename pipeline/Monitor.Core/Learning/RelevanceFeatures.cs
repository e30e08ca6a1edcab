using Monitor.Core.Articles;
using Monitor.Core.Text;

namespace Monitor.Core.Learning;

/// <summary>A sparse feature vector: sorted distinct feature ids and their values.</summary>
internal readonly record struct SparseVector(int[] Ids, double[] Values)
{
    public double Dot(IReadOnlyDictionary<int, double> weights)
    {
        var sum = 0.0;
        for (var i = 0; i < Ids.Length; i++)
        {
            if (weights.TryGetValue(Ids[i], out var w))
            {
                sum += w * Values[i];
            }
        }

        return sum;
    }
}

/// <summary>What the relevance model sees of an (article, theme) pair: the words of the folded text (syllables and
/// syllable pairs, so "quoc hoi" is one feature as well as two) hashed into a fixed space, present or not, a word of
/// the title or lead counting twice a word of the body only, the vector scaled to length 1; plus the matcher's own
/// view of the pair (its grade, or none) as separate features. Hashing is FNV-1a over the folded key: stable across
/// processes and machines (string.GetHashCode is randomised per process), so a stored model means the same everywhere.</summary>
internal static class RelevanceFeatures
{
    /// <summary>2^20 buckets: a month of news has some 50,000 distinct syllables and pairs, so collisions stay rare.</summary>
    public const int Buckets = 1 << 20;

    private const double HeadValue = 2;

    /// <summary>The text features of an article (independent of the theme: computed once per article).</summary>
    public static SparseVector Text(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var values = new Dictionary<int, double>();
        Add(values, article.Title, HeadValue);
        Add(values, article.Description, HeadValue);
        Add(values, article.Text, 1);
        var ids = values.Keys.ToArray();
        Array.Sort(ids);
        var norm = Math.Sqrt(values.Values.Sum(v => v * v));
        return new SparseVector(ids, [.. ids.Select(id => norm == 0 ? 0 : values[id] / norm)]);
    }

    /// <summary>The text features with the matcher's grade of the pair appended (<paramref name="grade"/> null: the
    /// matcher found nothing for the theme).</summary>
    public static SparseVector Pair(SparseVector text, string? grade)
    {
        var signal = Hash("@grade:" + (grade ?? "none"));
        var at = Array.BinarySearch(text.Ids, signal);
        if (at >= 0)
        {
            return text;   // a hash collision with a word: the word's presence stands for both
        }

        at = ~at;
        var ids = new int[text.Ids.Length + 1];
        var values = new double[ids.Length];
        Array.Copy(text.Ids, ids, at);
        Array.Copy(text.Values, values, at);
        ids[at] = signal;
        values[at] = 1;
        Array.Copy(text.Ids, at, ids, at + 1, text.Ids.Length - at);
        Array.Copy(text.Values, at, values, at + 1, text.Values.Length - at);
        return new SparseVector(ids, values);
    }

    private static void Add(Dictionary<int, double> values, string? field, double value)
    {
        if (string.IsNullOrEmpty(field))
        {
            return;
        }

        var words = VietnameseFolding.Key(field).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            Put(values, Hash(words[i]), value);
            if (i > 0)
            {
                Put(values, Hash(words[i - 1], words[i]), value);
            }
        }
    }

    private static void Put(Dictionary<int, double> values, int id, double value)
    {
        if (!values.TryGetValue(id, out var had) || had < value)
        {
            values[id] = value;
        }
    }

    internal static int Hash(string word) => Hash(word, null);

    private static int Hash(string first, string? second)
    {
        var h = 2166136261u;
        foreach (var c in first)
        {
            h = (h ^ c) * 16777619u;
        }

        if (second is not null)
        {
            h = (h ^ ' ') * 16777619u;
            foreach (var c in second)
            {
                h = (h ^ c) * 16777619u;
            }
        }

        return (int)(h & (Buckets - 1));
    }
}
