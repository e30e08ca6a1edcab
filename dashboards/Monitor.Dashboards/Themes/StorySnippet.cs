using Monitor.Dashboards.Articles;
using Monitor.Dashboards.Search;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Themes;

/// <summary>What a theme's page shows of an article: its title with the theme's evidence marked, and about 240
/// characters of the lead (else the body) around the first evidence in it. The pieces go through
/// <see cref="MarkedHtml"/>: escaped first, then marked, so a crawled title that is markup stays text.</summary>
public static class StorySnippet
{
    public static IReadOnlyList<Marked> Title(ThemeArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return SearchMarks.Cut(article.Title, Highlighter.Spans(article.Title, "title", article.Evidence));
    }

    /// <summary>The lead or body around the first evidence of the first field that has some (lead before body); the start
    /// of the lead (else the body) unmarked when the evidence is only in the title or there is none.</summary>
    public static IReadOnlyList<Marked> Text(ThemeArticle article, int length = 240)
    {
        ArgumentNullException.ThrowIfNull(article);
        foreach (var (field, text) in new[] { ("description", article.Description), ("text", article.Text) })
        {
            if (Highlighter.Spans(text, field, article.Evidence) is { Count: > 0 } spans)
            {
                return SearchMarks.Snippet(text!, spans, length);
            }
        }

        return SearchMarks.Snippet(string.IsNullOrWhiteSpace(article.Description) ? article.Text : article.Description, Array.Empty<(int, int)>(), length);
    }
}
