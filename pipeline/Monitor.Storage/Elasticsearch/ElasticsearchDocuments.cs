namespace Monitor.Storage.Elasticsearch;

/// <summary>An article as the articles index holds it; days are Vietnamese (yyyy-MM-dd), instants ISO 8601 with offset.</summary>
public sealed record ArticleDocument(
    string Id,
    string Url,
    string Outlet,
    string? Section,
    string Title,
    string TitleFolded,
    string TextFolded,
    string? Published,
    string FetchedAt,
    string Day,
    string Week,
    string Month,
    string ContentHash,
    IReadOnlyList<string> DuplicateOf);

/// <summary>One theme of one article for one plan, with the coverage columns of its article (as the SQLite tags carry them).</summary>
public sealed record TagDocument(
    string ArticleId,
    string PlanId,
    int PlanVersion,
    string ThemeCode,
    double Score,
    string? Outlet,
    string? Section,
    string? Day,
    string? Week,
    string? Month,
    string TaggedAt)
{
    /// <summary>The document id: a re-tag overwrites the same document, a theme dropped by the re-tag is deleted.</summary>
    public string DocumentId => Id(ArticleId, PlanId, ThemeCode);

    public static string Id(string articleId, string planId, string themeCode) => $"{articleId}|{planId}|{themeCode}";
}

/// <summary>An article and its complete current tags for the plans being written.</summary>
public sealed record IndexedArticle(ArticleDocument Article, IReadOnlyList<TagDocument> Tags);
