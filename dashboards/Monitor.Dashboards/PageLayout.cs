using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Monitor.Dashboards;

/// <summary>What every dashboard page shares: head, styles, the navigation, and HTML escaping.</summary>
internal static class PageLayout
{
    // Vietnamese stays readable in the markup; only what HTML needs is escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The navigation: (path, label) of each page.</summary>
    private static readonly (string Path, string Label)[] Pages = [("/", "Độ phủ tuyên truyền"), ("/sources", "Tình trạng nguồn")];

    public static string E(string s) => Html.Encode(s);

    /// <summary>Opens a page: <paramref name="title"/> after "Monitor — ", the navigation with <paramref name="current"/> marked.</summary>
    public static StringBuilder Open(string title, string current)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>Monitor — {E(title)}</title>").Append(Style).Append("</head><body><nav>");
        foreach (var (path, label) in Pages)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{path}\"{(path == current ? " aria-current=\"page\"" : "")}>{E(label)}</a>");
        }

        return html.Append("</nav>");
    }

    private const string Style = """
        <style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}
        th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}td.n{text-align:right}.gap{color:#b00020;font-weight:600}
        .ok{color:#1b5e20}nav a{margin-right:1.2rem}nav a[aria-current]{font-weight:700;color:#222;text-decoration:none}
        tr.attention{background:#fdecea}.badge{display:inline-block;padding:0 .4rem;border-radius:.3rem;background:#b00020;color:#fff;font-size:.85em}
        .note{color:#b00020;font-style:italic}ul.stories li{margin:.4rem 0}ul.copies,span.copies{color:#555}</style>
        """;

    public static string Close(StringBuilder html) => html.Append("</body></html>").ToString();
}
