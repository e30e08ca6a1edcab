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
    /// or in two of its sentences. Partial: in the lead; in the body's lede (its first sentence, where a news story
    /// states its subject; the first <see cref="ScoringOptions.OpeningChars"/> characters when the article has no separate
    /// lead); in a passage (two or more sentences that make a tenth of the body's sentences, two of them neighbours); or in
    /// paragraphs devoted to it that make a substantial share of the body. Mention: anything else — a sentence or two
    /// further into a text about something else, or scattered through it. <paramref name="openingCounts"/> is false when
    /// another theme is the article's subject: its opening is that subject's (<see cref="SubjectCompetition"/>).</summary>
    internal static string Of(List<Hit> evidence, string? body, ScoringOptions options, bool openingCounts = true, bool separateLead = true)
    {
        var title = false;
        var lead = false;
        var opening = false;
        var lede = false;
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
                    var sentence = layout.SentenceStart(hit.Start);
                    lede |= openingCounts && (separateLead && options.LedeOnly ? sentence == 0 : hit.Start < options.OpeningChars);
                    sentences.Add(sentence);
                    paragraphs.Add(layout.Paragraph(hit.Start));
                    break;
            }
        }

        if (title || (lead && (opening || sentences.Count >= 2)))
        {
            return Primary;
        }

        // Without the title or the lead, the body states the article's subject in its lede; a later sentence of the
        // opening is background ("this was one of the minister's answers in the Assembly's debate", under readers'
        // comments on tutoring). An article without a separate lead has its lead in the body's opening.
        if (lead || lede || body is not { Length: > 0 })
        {
            return lead || lede ? Partial : Mention;
        }

        // Several sentences count when they are a real part of the body, not two lines of a long text about something
        // else, nor single sentences scattered through it (an interview on a ring road that names the session in four
        // answers): two of them are neighbours. A paragraph counts toward the substantial share when it is devoted to
        // the theme (two or more of its sentences, and a good part of them, hold evidence), not for one slogan, nor for
        // being a whole body printed without paragraph breaks.
        var spread = sentences.Count >= 2 && sentences.Count >= options.SpreadShare * layout!.Sentences(0, body.Length) && Neighbours(sentences, layout, options.PassageGap);
        var devoted = paragraphs.Where(p => sentences.Count(s => s >= p.Start && s < p.End) is var held && held >= 2 && held >= options.DevotedShare * layout!.Sentences(p.Start, p.End));
        var share = devoted.Sum(p => p.End - p.Start) / (double)body.Length;
        return spread || share >= options.SubstantialShare ? Partial : Mention;
    }

    // Two evidence sentences with at most gap sentences between them (Sentences(a, b) is 1 for neighbours). Sorted on the
    // stack: it runs for every theme the tagger grades this far.
    private static bool Neighbours(HashSet<int> sentences, BodyLayout layout, int gap)
    {
        Span<int> starts = sentences.Count <= 128 ? stackalloc int[sentences.Count] : new int[sentences.Count];
        var n = 0;
        foreach (var start in sentences)
        {
            starts[n++] = start;
        }

        starts.Sort();
        for (var i = 1; i < starts.Length; i++)
        {
            if (layout.Sentences(starts[i - 1], starts[i]) - 1 <= gap)
            {
                return true;
            }
        }

        return false;
    }
}
