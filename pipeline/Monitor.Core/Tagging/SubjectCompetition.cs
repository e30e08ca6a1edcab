namespace Monitor.Core.Tagging;

/// <summary>One article has one subject (docs/tagging.md, "What counts: another theme's subject"). When another theme
/// of the plan is the article's subject (graded primary, with a higher score), a weaker theme's evidence in the
/// sentences that hold the subject's evidence is the subject's context — "sáng 20-11, cũng nhằm Ngày Nhà giáo Việt Nam,
/// Quốc hội thảo luận …" is a session sentence that carries a date — and the body's opening is the subject's opening.
/// The weaker theme counts only on its own sentences: in the title or lead, spread over the body, or in a paragraph
/// devoted to it; otherwise it stays as a mention. Grades only move down; the evidence shown is unchanged.</summary>
internal static class SubjectCompetition
{
    /// <summary>A candidate grade of one theme before competition: its kept evidence and score.</summary>
    internal readonly record struct Graded(double Score, List<Hit> Kept, string Grade);

    /// <summary>The grade of <paramref name="at"/> after competition with the other themes of the same article.</summary>
    public static string Regrade(List<Graded> themes, int at, string?[] originals, ScoringOptions options)
    {
        var self = themes[at];
        if (self.Grade == ThemeGrade.Mention)
        {
            return self.Grade;
        }

        HashSet<(ArticleField, int)>? shared = null;
        for (var i = 0; i < themes.Count; i++)
        {
            var rival = themes[i];
            if (i == at || rival.Grade != ThemeGrade.Primary || rival.Score <= self.Score)
            {
                continue;
            }

            shared ??= [];
            foreach (var hit in rival.Kept)
            {
                shared.Add(Sentence(hit, originals));
            }
        }

        if (shared is null)
        {
            return self.Grade;
        }

        var own = self.Kept.Where(h => !shared.Contains(Sentence(h, originals))).ToList();
        if (own.Count == 0)
        {
            return ThemeGrade.Mention;
        }

        var grade = ThemeGrade.Of(own, originals[(int)ArticleField.Text], options, openingCounts: false);
        return Rank(grade) < Rank(self.Grade) ? grade : self.Grade;
    }

    private static (ArticleField, int) Sentence(in Hit hit, string?[] originals) =>
        (hit.Field, ThemeGrade.SentenceStart(originals[(int)hit.Field] ?? "", hit.Start));

    private static int Rank(string grade) => grade switch
    {
        ThemeGrade.Primary => 2,
        ThemeGrade.Partial => 1,
        _ => 0,
    };
}
