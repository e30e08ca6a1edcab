using System.Globalization;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
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

/// <summary>What the relevance model sees of an (article, theme) pair, in four groups, hashed into one fixed space:
/// <list type="bullet">
/// <item>the article's words: folded syllables and syllable pairs of title, lead and body (a title or lead word counts
/// twice a body word), scaled to length 1 — what the article is about;</item>
/// <item>the words around the theme's evidence (the title or lead that holds it, 120 characters either side of a body
/// hit), scaled to length 1 and added to the same words of the article — how the theme is talked about ("chúc mừng
/// 20-11" or "học bổng … dịp 20-11"), in the words the "not this theme" examples also teach;</item>
/// <item>the shape of the evidence, the same for every theme: how many hits and distinct phrases, title, lead, opening,
/// where the first body hit sits and how much of the body the hits span, the score, the body's length, whether
/// another theme is the article's subject, and which phrases matched — scaled to length 1;</item>
/// <item>the matcher's grade of the pair (or none), value 1.</item>
/// </list>
/// With a handful of decisions per theme the words alone cannot tell a subject from a passing mention; the shape is
/// what analysts' decisions share across themes (docs/tagging-quality.md, "the learner against three label files"). Hashing is FNV-1a
/// over the folded key: stable across processes and machines, so a stored model means the same everywhere.</summary>
internal static class RelevanceFeatures
{
    /// <summary>2^20 buckets: a month of news has some 50,000 distinct syllables and pairs, so collisions stay rare.</summary>
    public const int Buckets = 1 << 20;

    /// <summary>The feature set's version, stored with a model: a model of another version is not applied.</summary>
    public const int Version = 2;

    private const double HeadValue = 2;
    private const int Window = 120;

    /// <summary>The text features of an article (independent of the theme: computed once per article).</summary>
    public static SparseVector Text(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var values = new Dictionary<int, double>();
        Words(values, article.Title, HeadValue);
        Words(values, article.Description, HeadValue);
        Words(values, article.Text, 1);
        return Sorted(Unit(values));
    }

    /// <summary>The features of one theme of an article: <paramref name="text"/> (from <see cref="Text"/>), and the
    /// theme's evidence, grade and rivals from the matcher (<paramref name="match"/> null: it found nothing).</summary>
    public static SparseVector Pair(Article article, SparseVector text, TagResult? result, ThemeMatch? match)
    {
        ArgumentNullException.ThrowIfNull(article);
        var values = new Dictionary<int, double>(text.Ids.Length + 64);
        for (var i = 0; i < text.Ids.Length; i++)
        {
            values[text.Ids[i]] = text.Values[i];
        }

        if (match is not null)
        {
            Merge(values, Unit(Context(article, match)));
            Merge(values, Unit(Shape(article, result, match)));
        }

        Merge(values, new Dictionary<int, double> { [Hash("@grade:" + (match?.Grade ?? "none"))] = 1 });
        return Sorted(values);
    }

    private static Dictionary<int, double> Context(Article article, ThemeMatch match)
    {
        var values = new Dictionary<int, double>();
        foreach (var e in match.Evidence)
        {
            switch (e.Field)
            {
                case "title":
                    Words(values, article.Title, 1);
                    break;
                case "description":
                    Words(values, article.Description, 1);
                    break;
                default:
                    var body = article.Text ?? "";
                    var from = Math.Clamp(e.Start - Window, 0, body.Length);
                    var to = Math.Clamp(e.End + Window, from, body.Length);
                    Words(values, body[from..to], 1);
                    break;
            }
        }

        return values;
    }

    private static Dictionary<int, double> Shape(Article article, TagResult? result, ThemeMatch match)
    {
        var length = Math.Max(1, article.Text?.Length ?? 0);
        var body = match.Evidence.Where(e => e.Field == "text").Select(e => e.Start).Order().ToList();
        var phrases = match.Evidence.Select(e => VietnameseFolding.Key(e.Text)).Distinct(StringComparer.Ordinal).ToList();
        var shape = new List<string>
        {
            "hits:" + Bucket(match.Evidence.Count, 1, 2, 4, 8),
            "phrases:" + Bucket(phrases.Count, 1, 2, 4),
            "score:" + Bucket(match.Score, 2, 4, 8, 16),
            "length:" + Bucket(length, 1500, 3000, 6000),
        };
        if (match.Evidence.Any(e => e.Field == "title"))
        {
            shape.Add("in:title");
        }

        if (match.Evidence.Any(e => e.Field == "description"))
        {
            shape.Add("in:lead");
        }

        if (body.Count > 0)
        {
            shape.Add("first:" + Bucket(body[0] / (double)length, 0.1, 0.3, 0.6));
            shape.Add("span:" + Bucket((body[^1] - body[0]) / (double)length, 0.05, 0.2, 0.5));
            shape.Add("opening:" + (body[0] < 600));
        }

        if (result is not null && result.Themes.Any(t => t.Code != match.Code && t.Grade == ThemeGrade.Primary))
        {
            shape.Add("rival:primary");
        }

        shape.AddRange(phrases.Select(p => "phrase:" + p));
        var values = new Dictionary<int, double>();
        foreach (var s in shape)
        {
            values[Hash("@s:" + s)] = 1;
        }

        return values;
    }

    /// <summary>Which of the ascending <paramref name="bounds"/> the value stays under ("0" under the first, the
    /// bounds' count past the last): an indicator per range, so the model needs no scale.</summary>
    private static string Bucket(double value, params double[] bounds)
    {
        var i = 0;
        while (i < bounds.Length && value >= bounds[i])
        {
            i++;
        }

        return i.ToString(CultureInfo.InvariantCulture);
    }

    private static void Words(Dictionary<int, double> values, string? field, double value)
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
                Put(values, Hash(words[i - 1] + " " + words[i]), value);
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

    // Groups share one hash space; a collision between groups adds (rare: 2^20 buckets).
    private static void Merge(Dictionary<int, double> into, Dictionary<int, double> group)
    {
        foreach (var (id, v) in group)
        {
            into[id] = into.GetValueOrDefault(id) + v;
        }
    }

    private static Dictionary<int, double> Unit(Dictionary<int, double> values)
    {
        var norm = Math.Sqrt(values.Values.Sum(v => v * v));
        if (norm > 0)
        {
            foreach (var id in values.Keys.ToList())
            {
                values[id] /= norm;
            }
        }

        return values;
    }

    private static SparseVector Sorted(Dictionary<int, double> values)
    {
        var ids = values.Keys.ToArray();
        Array.Sort(ids);
        return new SparseVector(ids, [.. ids.Select(id => values[id])]);
    }

    internal static int Hash(string key)
    {
        var h = 2166136261u;
        foreach (var c in key)
        {
            h = (h ^ c) * 16777619u;
        }

        return (int)(h & (Buckets - 1));
    }
}
