namespace Monitor.Core.Tagging;

/// <summary>One article has one subject (docs/tagging.md, "What counts: another theme's subject"). When another theme
/// of the plan is the article's subject (graded primary, with a higher score), a weaker theme's evidence in the
/// sentences that hold the subject's evidence is the subject's context — "sáng 20-11, cũng nhằm Ngày Nhà giáo Việt Nam,
/// Quốc hội thảo luận …" is a session sentence that carries a date — and the body's opening is the subject's opening.
/// The weaker theme counts only on its own sentences: in the title or lead, spread over the body, or in a paragraph
/// devoted to it; otherwise it stays as a mention. Grades only move down; the evidence shown is unchanged.</summary>
internal sealed class SubjectCompetition
{
    private readonly List<Graded> _themes;
    private readonly string?[] _originals;
    private readonly ScoringOptions _options;
    private readonly int[]?[] _sentenceStarts = new int[]?[3];

    private SubjectCompetition(List<Graded> themes, string?[] originals, ScoringOptions options) =>
        (_themes, _originals, _options) = (themes, originals, options);

    /// <summary>A theme's grade before competition: its kept evidence and score.</summary>
    internal readonly record struct Graded(double Score, List<Hit> Kept, string Grade);

    /// <summary>The themes' grades after competition, in the same order; null when nothing competes (fewer
    /// than two themes, or none is primary).</summary>
    public static List<string>? Regrade(List<Graded> themes, string?[] originals, ScoringOptions options)
    {
        if (themes.Count < 2 || !themes.Exists(t => t.Grade == ThemeGrade.Primary))
        {
            return null;
        }

        var competition = new SubjectCompetition(themes, originals, options);
        return themes.ConvertAll(t => competition.Grade(t));
    }

    private string Grade(Graded self)
    {
        if (self.Grade == ThemeGrade.Mention)
        {
            return self.Grade;
        }

        HashSet<long>? shared = null;
        foreach (var rival in _themes)
        {
            if (rival.Grade != ThemeGrade.Primary || rival.Score <= self.Score)
            {
                continue;
            }

            shared ??= [];
            foreach (var hit in rival.Kept)
            {
                shared.Add(Sentence(hit));
            }
        }

        if (shared is null)
        {
            return self.Grade;
        }

        var own = self.Kept.FindAll(h => !shared.Contains(Sentence(h)));
        if (own.Count == 0)
        {
            return ThemeGrade.Mention;
        }

        var grade = ThemeGrade.Of(own, _originals[(int)ArticleField.Text], _options, openingCounts: false);
        return Rank(grade) < Rank(self.Grade) ? grade : self.Grade;
    }

    // The sentence a hit is in, as (field, sentence start): one forward pass per field, then a binary search per hit.
    private long Sentence(in Hit hit)
    {
        var starts = _sentenceStarts[(int)hit.Field] ??= Starts(_originals[(int)hit.Field] ?? "");
        var at = Array.BinarySearch(starts, hit.Start);
        return ((long)hit.Field << 32) | (uint)starts[at >= 0 ? at : ~at - 1];
    }

    // Sentence starts as ThemeGrade sees them (BodyLayout's breaks): 0, and after each break.
    private static int[] Starts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 1; i < text.Length; i++)
        {
            if (BodyLayout.IsSentenceBreak(text, i))
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    private static int Rank(string grade) => grade switch
    {
        ThemeGrade.Primary => 2,
        ThemeGrade.Partial => 1,
        _ => 0,
    };
}
