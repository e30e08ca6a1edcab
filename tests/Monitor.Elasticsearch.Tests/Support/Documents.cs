using Monitor.Elasticsearch.Documents;

namespace Monitor.Elasticsearch.Tests.Support;

/// <summary>Small documents for request and answer tests.</summary>
internal static class Documents
{
    public static ArticleDocument Article(string id, string fetchedAt = "2024-11-12T09:00:00.000+07:00") => new()
    {
        Id = id, Url = "https://x.vn/" + id, Outlet = "Báo Kon Tum", Title = "Tin " + id, Text = "Nội dung", Published = "2024-11-12T08:00:00.000+07:00",
        FetchedAt = fetchedAt, ContentHash = "h", TitleFolded = "tin " + id, TextFolded = "noi dung", Day = "2024-11-12", Week = "2024-W46", Month = "2024-11", Revision = 1,
    };

    public static IndexedArticle Indexed(string id, params string[] themes)
    {
        var article = Article(id);
        return new IndexedArticle(article, themes.Select(t => TagDocument.Of(article, "w46", 1, t, 1.0, "2024-11-12T09:00:00.000+07:00")).ToList());
    }

    /// <summary>A passing mention of a theme, with one piece of evidence in the body.</summary>
    public static MentionDocument MentionOf(string plan, string theme) => new()
    {
        PlanId = plan, PlanVersion = 1, ThemeCode = theme, Score = 0.4, Evidence = [new Core.Tagging.Evidence("xe điện", 30, 37, "text")],
    };
}
