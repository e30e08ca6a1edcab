namespace Monitor.Core.Tagging;

/// <summary>How evidence becomes a score (docs/tagging.md, "Scoring"). A hit weighs by its field (title, then
/// lead, then body) and, in the body, by how early it comes (absolute characters, so a short article is all lead); further hits of the same phrase add less and less
/// (each half the one before), so a phrase repeated ten times is not ten pieces of evidence.</summary>
public sealed record ScoringOptions
{
    public static readonly ScoringOptions Default = new();

    public double TitleWeight { get; init; } = 3;
    public double LeadWeight { get; init; } = 2;

    /// <summary>Weight of a body hit at the very start of the body …</summary>
    public double BodyEarlyWeight { get; init; } = 2;

    /// <summary>… falling toward this deep in the body …</summary>
    public double BodyLateWeight { get; init; } = 0.8;

    /// <summary>… halfway there after this many characters (a lead paragraph is a few hundred).</summary>
    public double BodyHalfLife { get; init; } = 1500;

    /// <summary>The n-th further hit of one phrase counts Repeat^n of its weight.</summary>
    public double Repeat { get; init; } = 0.5;

    /// <summary>The least score that counts an article as covering a theme.</summary>
    public double Threshold { get; init; } = 1.0;

    /// <summary>Body evidence that starts within this many characters is in the article's opening: with evidence in the
    /// lead it makes the theme <see cref="ThemeGrade.Primary"/>; alone it is enough for <see cref="ThemeGrade.Partial"/>
    /// only when the article has no separate lead (the opening is then its lead paragraph). With a lead, the body's
    /// first sentence (its lede) is the part that states the subject.</summary>
    public double OpeningChars { get; init; } = 600;

    /// <summary>Evidence in paragraphs devoted to the theme that together make at least this share of the body is a
    /// substantial part of the article (<see cref="ThemeGrade.Partial"/>) even when it sits in one sentence.</summary>
    public double SubstantialShare { get; init; } = 0.15;

    /// <summary>Two or more evidence sentences make the theme a part of the article (<see cref="ThemeGrade.Partial"/>)
    /// when they are at least this share of the body's sentences: two lines of a sixty-sentence interview are not.</summary>
    public double SpreadShare { get; init; } = 0.1;

    /// <summary>A paragraph is devoted to the theme, and counts toward <see cref="SubstantialShare"/>, when two or more
    /// of its sentences, and at least this share of them, hold evidence (a body printed as one paragraph is not
    /// devoted to its one slogan).</summary>
    public double DevotedShare { get; init; } = 1.0 / 3;

    /// <summary>With a separate lead, body evidence alone makes the theme <see cref="ThemeGrade.Partial"/> in the body's
    /// first sentence only (its lede), not anywhere in its opening (false: the whole opening, as before 2026-12-07's
    /// sixth round of docs/tagging-quality.md).</summary>
    public bool LedeOnly { get; init; } = true;

    /// <summary>Sentences that make <see cref="SpreadShare"/> count only as a passage: two of them with at most this many
    /// sentences between them. Single sentences scattered through a text about something else are mentions.</summary>
    public int PassageGap { get; init; } = 1;

    /// <summary>A mention becomes <see cref="ThemeGrade.Partial"/> when the article's title names the theme in the words
    /// of its heading (<see cref="HeadingWords"/>; 2026-12-07, seventh round of docs/tagging-quality.md). False: as before.</summary>
    public bool TitleNamesHeading { get; init; } = true;

    internal double Weight(ArticleField field, int start) => field switch
    {
        ArticleField.Title => TitleWeight,
        ArticleField.Description => LeadWeight,
        _ => BodyLateWeight + (BodyEarlyWeight - BodyLateWeight) * Math.Pow(0.5, start / BodyHalfLife),
    };
}
