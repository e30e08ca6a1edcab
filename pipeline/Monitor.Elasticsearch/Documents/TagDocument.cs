using Monitor.Core.Tagging;

namespace Monitor.Elasticsearch.Documents;

/// <summary>One theme of one article for one plan, with the coverage columns of its article (outlet, section, Vietnamese
/// day, week, month), as the SQLite tags carry them: coverage filters and groups on these alone.</summary>
public sealed record TagDocument
{
    public required string ArticleId { get; init; }

    public required string PlanId { get; init; }

    public required int PlanVersion { get; init; }

    public required string ThemeCode { get; init; }

    public required double Score { get; init; }

    public string? Outlet { get; init; }

    public string? Section { get; init; }

    public string? Day { get; init; }

    public string? Week { get; init; }

    public string? Month { get; init; }

    public required string TaggedAt { get; init; }

    /// <summary>The phrases that showed the theme (empty for a theme a person added): the article page marks them; kept
    /// in the source, not indexed.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Primary or partial (<see cref="ThemeGrade"/>; a passing mention is never a tag document): the article page shows it.</summary>
    public string Grade { get; init; } = ThemeGrade.Primary;

    /// <summary>The document id: a re-tag overwrites the same document, a theme dropped by the re-tag is deleted.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string DocumentId => Id(ArticleId, PlanId, ThemeCode);

    public static string Id(string articleId, string planId, string themeCode) => $"{articleId}|{planId}|{themeCode}";

    /// <summary>The tag of <paramref name="article"/> for one theme, its coverage columns copied from the article.</summary>
    public static TagDocument Of(ArticleDocument article, string planId, int planVersion, string themeCode, double score, string taggedAt,
        IReadOnlyList<Evidence>? evidence = null, string grade = ThemeGrade.Primary)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new TagDocument
        {
            ArticleId = article.Id, PlanId = planId, PlanVersion = planVersion, ThemeCode = themeCode, Score = score, Outlet = article.Outlet,
            Section = article.Section, Day = article.Day, Week = article.Week, Month = article.Month, TaggedAt = taggedAt,
            Evidence = evidence ?? [], Grade = grade,
        };
    }
}

/// <summary>An article and its complete current tags for the plans being written.</summary>
public sealed record IndexedArticle(ArticleDocument Article, IReadOnlyList<TagDocument> Tags);
