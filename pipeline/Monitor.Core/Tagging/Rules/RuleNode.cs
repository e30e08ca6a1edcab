namespace Monitor.Core.Tagging.Rules;

/// <summary>A node of a parsed rule. Evaluation reads the article's hits; a true rule adds the hits that made it
/// true to the evidence (NOT adds none).</summary>
internal abstract class RuleNode
{
    /// <summary>True when the node is a set of located occurrences (a phrase, a NEAR, an OR of those), so NEAR can use it.</summary>
    public virtual bool IsPositional => false;

    /// <summary>True when something must appear for the node to be true (a rule made only of NOT never gives evidence).</summary>
    public abstract bool NeedsEvidence { get; }

    public abstract IEnumerable<PhraseNode> Phrases { get; }

    /// <summary>Sorts the node's phrases by what they say of the theme: those whose occurrence speaks for it go to
    /// <paramref name="forTheme"/>, those that speak against it (under NOT, right of EXCEPT; a double NOT speaks for it
    /// again) to <paramref name="against"/>. <paramref name="negated"/>: the node itself sits on the "against" side.
    /// For the learner's near-miss cues, which must come from the first and never lie inside the second.</summary>
    public abstract void Sides(bool negated, List<PhraseNode> forTheme, List<PhraseNode> against);

    public abstract bool Evaluate(HitIndex hits, List<Hit> evidence);

    /// <summary>The occurrences of a positional node: each a word range in one field and the hits it is made of.</summary>
    public virtual List<Occurrence> Occurrences(HitIndex hits) => throw new InvalidOperationException("not positional");
}

/// <summary>A located match of a positional node.</summary>
internal sealed record Occurrence(ArticleField Field, int FirstWord, int LastWord, Hit[] Hits);

/// <summary>A quoted (or bare) phrase, optionally restricted to one field.</summary>
internal sealed class PhraseNode(string folded, ArticleField? field, string? written = null) : RuleNode
{
    public string Folded { get; } = folded;

    /// <summary>The phrase as the rule writes it (accents and case), for what must compare accents (near-miss cues).</summary>
    public string Written { get; } = written ?? folded;
    public ArticleField? Field { get; } = field;

    /// <summary>The phrase's id in the plan's automaton, set when the plan is compiled.</summary>
    public int Id { get; set; } = -1;

    public override bool IsPositional => true;
    public override bool NeedsEvidence => true;
    public override IEnumerable<PhraseNode> Phrases => [this];

    public override void Sides(bool negated, List<PhraseNode> forTheme, List<PhraseNode> against) => (negated ? against : forTheme).Add(this);

    public override bool Evaluate(HitIndex hits, List<Hit> evidence)
    {
        var found = false;
        foreach (var hit in hits.Of(Id))
        {
            if (Field is null || hit.Field == Field)
            {
                evidence.Add(hit);
                found = true;
            }
        }

        return found;
    }

    public override List<Occurrence> Occurrences(HitIndex hits)
    {
        var list = new List<Occurrence>();
        foreach (var hit in hits.Of(Id))
        {
            if (Field is null || hit.Field == Field)
            {
                list.Add(new Occurrence(hit.Field, hit.FirstWord, hit.LastWord, [hit]));
            }
        }

        return list;
    }
}

/// <summary>A node made of located occurrences of its operands (NEAR, EXCEPT): true when it has one, and its evidence
/// is the hits they are made of.</summary>
internal abstract class OccurrenceNode : RuleNode
{
    public override bool IsPositional => true;
    public override bool NeedsEvidence => true;

    public override bool Evaluate(HitIndex hits, List<Hit> evidence)
    {
        var found = Occurrences(hits);
        foreach (var o in found)
        {
            evidence.AddRange(o.Hits);
        }

        return found.Count > 0;
    }

    public abstract override List<Occurrence> Occurrences(HitIndex hits);
}

/// <summary>Left NEAR/n right: both occur in the same field with at most n words between them, in either order.</summary>
internal sealed class NearNode(RuleNode left, RuleNode right, int distance) : OccurrenceNode
{
    // A pathological rule over a long text cannot multiply pairs without end.
    private const int MaxOccurrences = 256;

    public override IEnumerable<PhraseNode> Phrases => left.Phrases.Concat(right.Phrases);

    public override void Sides(bool negated, List<PhraseNode> forTheme, List<PhraseNode> against)
    {
        left.Sides(negated, forTheme, against);
        right.Sides(negated, forTheme, against);
    }

    public override List<Occurrence> Occurrences(HitIndex hits)
    {
        var result = new List<Occurrence>();
        var lefts = left.Occurrences(hits);
        if (lefts.Count == 0)
        {
            return result;
        }

        foreach (var r in right.Occurrences(hits))
        {
            foreach (var l in lefts)
            {
                var between = Math.Max(r.FirstWord - l.LastWord, l.FirstWord - r.LastWord) - 1;
                if (l.Field == r.Field && between <= distance && result.Count < MaxOccurrences)
                {
                    result.Add(new Occurrence(l.Field, Math.Min(l.FirstWord, r.FirstWord), Math.Max(l.LastWord, r.LastWord), [.. l.Hits, .. r.Hits]));
                }
            }
        }

        return result;
    }
}

/// <summary>Left EXCEPT right: the occurrences of left that do not lie inside an occurrence of right ("Nhà giáo" EXCEPT
/// "Luật Nhà giáo" is the teachers, not the law named after them; "20-11" EXCEPT "sáng 20-11" is the day, not a
/// dateline). Positional, so it can stand beside NEAR.</summary>
internal sealed class ExceptNode(RuleNode left, RuleNode right) : OccurrenceNode
{
    public override IEnumerable<PhraseNode> Phrases => left.Phrases.Concat(right.Phrases);

    public override void Sides(bool negated, List<PhraseNode> forTheme, List<PhraseNode> against)
    {
        left.Sides(negated, forTheme, against);
        right.Sides(!negated, forTheme, against);
    }

    public override List<Occurrence> Occurrences(HitIndex hits)
    {
        var lefts = left.Occurrences(hits);
        if (lefts.Count == 0)
        {
            return lefts;
        }

        var rights = right.Occurrences(hits);
        return rights.Count == 0 ? lefts
            : lefts.FindAll(l => !rights.Exists(r => r.Field == l.Field && r.FirstWord <= l.FirstWord && r.LastWord >= l.LastWord));
    }
}

/// <summary>Every operand true; the evidence is all of theirs.</summary>
internal sealed class AndNode(IReadOnlyList<RuleNode> operands) : RuleNode
{
    public override bool NeedsEvidence => operands.Any(o => o.NeedsEvidence);
    public override IEnumerable<PhraseNode> Phrases => operands.SelectMany(o => o.Phrases);

    public override void Sides(bool negated, List<PhraseNode> forTheme, List<PhraseNode> against)
    {
        foreach (var operand in operands)
        {
            operand.Sides(negated, forTheme, against);
        }
    }

    public override bool Evaluate(HitIndex hits, List<Hit> evidence)
    {
        var mark = evidence.Count;
        foreach (var operand in operands)
        {
            if (!operand.Evaluate(hits, evidence))
            {
                evidence.RemoveRange(mark, evidence.Count - mark);
                return false;
            }
        }

        return true;
    }
}

/// <summary>Any operand true; the evidence is that of every true operand.</summary>
internal sealed class OrNode(IReadOnlyList<RuleNode> operands) : RuleNode
{
    public override bool IsPositional => operands.All(o => o.IsPositional);
    public override bool NeedsEvidence => operands.All(o => o.NeedsEvidence);
    public override IEnumerable<PhraseNode> Phrases => operands.SelectMany(o => o.Phrases);

    public override void Sides(bool negated, List<PhraseNode> forTheme, List<PhraseNode> against)
    {
        foreach (var operand in operands)
        {
            operand.Sides(negated, forTheme, against);
        }
    }

    public override bool Evaluate(HitIndex hits, List<Hit> evidence)
    {
        var any = false;
        foreach (var operand in operands)
        {
            any |= operand.Evaluate(hits, evidence);
        }

        return any;
    }

    public override List<Occurrence> Occurrences(HitIndex hits) => [.. operands.SelectMany(o => o.Occurrences(hits))];
}

/// <summary>The operand is false; gives no evidence.</summary>
internal sealed class NotNode(RuleNode operand) : RuleNode
{
    public override bool NeedsEvidence => false;
    public override IEnumerable<PhraseNode> Phrases => operand.Phrases;

    public override void Sides(bool negated, List<PhraseNode> forTheme, List<PhraseNode> against) => operand.Sides(!negated, forTheme, against);

    public override bool Evaluate(HitIndex hits, List<Hit> evidence)
    {
        var scratch = new List<Hit>();
        return !operand.Evaluate(hits, scratch);
    }
}

/// <summary><c>date:FROM..TO</c>: the article was published (Vietnamese day) inside the window, either end open
/// (<c>date:2024-10-21..</c>). An article without a date is outside every window. Gives no evidence, so it only
/// narrows a rule ("Quốc hội" NEAR "thông qua" AND date:… is an event rule, docs/tagging.md).</summary>
internal sealed class DateNode(DateOnly? from, DateOnly? to) : RuleNode
{
    public DateOnly? From { get; } = from;
    public DateOnly? To { get; } = to;

    public override bool NeedsEvidence => false;
    public override IEnumerable<PhraseNode> Phrases => [];

    public override void Sides(bool negated, List<PhraseNode> forTheme, List<PhraseNode> against)
    {
    }

    public override bool Evaluate(HitIndex hits, List<Hit> evidence) =>
        hits.Day is { } day && (From is null || day >= From) && (To is null || day <= To);
}
