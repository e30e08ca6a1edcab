using System.Globalization;
using Monitor.Storage.Coverage;
using static Monitor.Dashboards.PageLayout;

namespace Monitor.Dashboards;

/// <summary>One theme's articles so far: each story once, with the syndicated copies other outlets ran grouped under
/// the original ("Bản đăng lại: N") instead of listed as separate stories.</summary>
internal static class ThemePage
{
    public static string Path(string planId, string code) => $"/plans/{Uri.EscapeDataString(planId)}/themes/{Uri.EscapeDataString(code)}";

    public static string Render(ThemeStories theme)
    {
        var html = Open($"Chủ đề {theme.Code}", "");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(theme.Code)} {E(theme.Title)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Kế hoạch {E(theme.PlanId)} (phiên bản {theme.PlanVersion}), bài trong thời gian của chủ đề đến hết ngày {theme.AsOf:dd/MM/yyyy}.</p>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p id=\"counts\" data-stories=\"{theme.Stories.Count}\" data-copies=\"{theme.Copies}\">{theme.Stories.Count} tin gốc, {theme.Copies} bản đăng lại ({theme.Articles} bài).</p>");
        if (theme.Stories.Count == 0)
        {
            html.Append("<p class=\"gap\">Chưa có bài.</p>");
            return Close(html);
        }

        html.Append("<ul class=\"stories\">");
        foreach (var story in theme.Stories)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"story\" data-article=\"{E(story.Original.Id)}\">{Line(story.Original)}");
            if (story.Copies.Count > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<details><summary class=\"copies\">Bản đăng lại: {story.Copies.Count}</summary><ul class=\"copies\">");
                foreach (var copy in story.Copies)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li class=\"copy\" data-article=\"{E(copy.Id)}\">{Line(copy)}</li>");
                }

                html.Append("</ul></details>");
            }

            html.Append("</li>");
        }

        return Close(html.Append("</ul>"));
    }

    private static string Line(ThemeArticle a) =>
        string.Create(CultureInfo.InvariantCulture, $"{a.Day:dd/MM/yyyy} · <strong>{E(a.Outlet)}</strong> · <a href=\"{E(a.Url)}\">{E(a.Title)}</a>");
}
