namespace Monitor.Core.Plans;

/// <summary>An imported directive: what to cover, by whom, when and how much (the plan contract of the
/// directive-import issue). Plans are YAML or JSON files an analyst reads and corrects; the correction wins.</summary>
public sealed class Plan
{
    /// <summary>Stable name of the plan in the store (defaults to the file name).</summary>
    public string? Id { get; set; }
    public Directive Directive { get; set; } = new();
    public List<Theme> Themes { get; set; } = [];
    public List<Quota> Quotas { get; set; } = [];
    public List<DocumentReference> References { get; set; } = [];
    public List<string> Laws { get; set; } = [];
    public List<PlanEvent> Events { get; set; } = [];
    public List<Deadline> Deadlines { get; set; } = [];
}

/// <summary>The directive document itself.</summary>
public sealed class Directive
{
    public string? Number { get; set; }
    public string? Type { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? Issued { get; set; }
    public string Title { get; set; } = "";
}

/// <summary>One assigned theme and what the tagger looks for.</summary>
public sealed class Theme
{
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateWindow Window { get; set; } = new();
    public List<string> Units { get; set; } = [];
    public List<string> Outlets { get; set; } = [];
    public List<string> References { get; set; } = [];
    public List<string> Keywords { get; set; } = [];

    /// <summary>Boolean rules an analyst writes (docs/tagging.md): any true rule is evidence, like a keyword.</summary>
    public List<string>? Rules { get; set; }

    /// <summary>Rules that, when true, keep the theme off the article whatever else matched.</summary>
    public List<string>? Exclude { get; set; }

    /// <summary>The least number of separate mentions needed (1 when absent).</summary>
    public int? MinEvidence { get; set; }

    /// <summary>A province of the gazetteer (Scope/gazetteer.yaml): the theme counts only articles anchored there
    /// (the province's own outlets, or its places, landmarks and leaders named in the article). Null: anywhere.</summary>
    public string? Scope { get; set; }
}

/// <summary>A time window; an open end is null.</summary>
public sealed class DateWindow
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    public bool Contains(DateOnly day) => (From is null || day >= From) && (To is null || day <= To);
}

/// <summary>"01 chuyên mục/tháng trên Báo Kon Tum".</summary>
public sealed class Quota
{
    public string? Theme { get; set; }
    public int Count { get; set; }
    public string Unit { get; set; } = "";
    /// <summary>week, month, quarter or year.</summary>
    public string Period { get; set; } = "";
    public List<string> Outlets { get; set; } = [];
    public string Text { get; set; } = "";
}

/// <summary>A legal or party document the plan rests on.</summary>
public sealed class DocumentReference
{
    public string Number { get; set; } = "";
    public string? Type { get; set; }
    public DateOnly? Issued { get; set; }
    public string? Issuer { get; set; }
    public string? Title { get; set; }
}

/// <summary>An anniversary or dated event to cover.</summary>
public sealed class PlanEvent
{
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
}

/// <summary>A reporting deadline, once or recurring ("monthly:25").</summary>
public sealed class Deadline
{
    public DateOnly? Date { get; set; }
    public string? Recurrence { get; set; }
    public string Text { get; set; } = "";
}
