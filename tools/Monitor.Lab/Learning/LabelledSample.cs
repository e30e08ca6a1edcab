using System.Security.Cryptography;
using System.Text;
using Monitor.Core.Articles;

namespace Monitor.Lab.Learning;

/// <summary>The hand-labelled Tuổi Trẻ sample (docs/tagging-quality.md, "The labelled sample"): article id → theme
/// codes, the labelled articles of the corpus and the corpus's other (unlabelled) articles.</summary>
public sealed record LabelledSample(IReadOnlyDictionary<string, IReadOnlySet<string>> Labels, IReadOnlyList<Article> Labelled, IReadOnlyList<Article> Rest)
{
    /// <summary>Reads the labels (TSV: id, comma-separated codes; '#' lines are notes) and the corpus (JSON Lines).</summary>
    public static LabelledSample Load(string labelsPath, string corpusPath)
    {
        var labels = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(labelsPath))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("id\t", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Split('\t');
            labels[cells[0]] = (cells.Length > 1 ? cells[1] : "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        }

        var labelled = new List<Article>();
        var rest = new List<Article>();
        foreach (var line in File.ReadLines(corpusPath))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var article = ArticleLine.Read(Encoding.UTF8.GetBytes(line), deriveContentHash: false);
            (labels.ContainsKey(article.Id) ? labelled : rest).Add(article);
        }

        var missing = labels.Keys.Except(labelled.Select(a => a.Id)).Take(3).ToList();
        return missing.Count == 0 ? new LabelledSample(labels, labelled, rest)
            : throw new InvalidDataException($"labelled ids not in {corpusPath}: {string.Join(", ", missing)}");
    }

    /// <summary>The held-out half of docs/tagging-quality.md: the first byte of the id's SHA-256 is odd.</summary>
    public static bool IsHeldOut(string id) => (Sha(id)[0] & 1) == 1;

    /// <summary>The cross-validation fold of an article: the second byte of the same hash modulo k (independent of the half).</summary>
    public static int Fold(string id, int folds) => Sha(id)[1] % folds;

    private static byte[] Sha(string id) => SHA256.HashData(Encoding.UTF8.GetBytes(id));
}
