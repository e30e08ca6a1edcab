namespace Monitor.Core.Tagging;

/// <summary>How much of an article a theme holds (docs/tagging.md, "What counts"): the theme is its subject
/// (<see cref="Primary"/>), a substantial part of it (<see cref="Partial"/>), or it passes by once
/// (<see cref="Mention"/>: kept in the tag output and on the article page, never counted in coverage, quotas or
/// reports).</summary>
public static class ThemeGrade
{
    public const string Primary = "primary";
    public const string Partial = "partial";
    public const string Mention = "mention";

    /// <summary>True for the grades that count toward coverage, quotas and reports.</summary>
    public static bool Counts(string grade) => grade != Mention;

    /// <summary>Grades one theme's evidence. Primary: in the title, or in the lead and again in the body's opening
    /// or in two of its sentences. Partial: in the lead, in the body's opening, in two or more sentences that make a
    /// tenth of the body's sentences, or in paragraphs devoted to it that make a substantial share of the body.
    /// Mention: anything else — a sentence or two further into a text about something else.
    /// <paramref name="openingCounts"/> is false when another theme is the article's subject: its opening is that
    /// subject's (<see cref="SubjectCompetition"/>).</summary>
    internal static string Of(List<Hit> evidence, string? body, ScoringOptions options, bool openingCounts = true)
    {
        var title = false;
        var lead = false;
        var opening = false;
        var sentences = new HashSet<int>();
        var paragraphs = new HashSet<(int Start, int End)>();
        BodyLayout? layout = null;   // found on the first body hit; without one, neither sentences nor paragraphs are asked
        foreach (var hit in evidence)
        {
            switch (hit.Field)
            {
                case ArticleField.Title:
                    title = true;
                    break;
                case ArticleField.Description:
                    lead = true;
                    break;
                default:
                    opening |= openingCounts && hit.Start < options.OpeningChars;
                    layout ??= BodyLayout.Of(body!);
                    sentences.Add(layout.SentenceStart(hit.Start));
                    paragraphs.Add(layout.Paragraph(hit.Start));
                    break;
            }
        }

        if (title || (lead && (opening || sentences.Count >= 2)))
        {
            return Primary;
        }

        if (lead || opening || body is not { Length: > 0 })
        {
            return lead || opening ? Partial : Mention;
        }

        // Several sentences count when they are a real part of the body, not two lines of a long text about something
        // else; a paragraph counts toward the substantial share when it is devoted to the theme (two or more of its
        // sentences, and a good part of them, hold evidence), not for one slogan, nor for being a whole body printed
        // without paragraph breaks.
        var spread = sentences.Count >= 2 && sentences.Count >= options.SpreadShare * layout!.Sentences(0, body.Length);
        var devoted = paragraphs.Where(p => sentences.Count(s => s >= p.Start && s < p.End) is var held && held >= 2 && held >= options.DevotedShare * layout!.Sentences(p.Start, p.End));
        var share = devoted.Sum(p => p.End - p.Start) / (double)body.Length;
        return spread || share >= options.SubstantialShare ? Partial : Mention;
    }
}
