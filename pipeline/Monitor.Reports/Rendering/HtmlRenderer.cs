using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;

namespace Monitor.Reports.Rendering;

/// <summary>One self-contained HTML page, readable on a phone (viewport, one column, tables scroll sideways), printable
/// on A4 (Chromium's print gives the PDF).</summary>
public static class HtmlRenderer
{
    private const string Style = """
        body{font-family:"Times New Roman",serif;font-size:17px;line-height:1.45;margin:0 auto;max-width:46rem;padding:1rem;color:#111}
        h1{font-size:1.35rem;margin:.2rem 0 .8rem}h2{font-size:1.1rem;margin:1.3rem 0 .4rem;border-bottom:1px solid #ccc}
        h3{font-size:1rem;margin:1rem 0 .3rem}ul{padding-left:1.2rem;margin:.3rem 0}li{margin:.2rem 0}
        .table{overflow-x:auto}table{border-collapse:collapse;font-size:.9rem;margin:.4rem 0}
        th,td{border:1px solid #999;padding:.2rem .4rem;text-align:left;vertical-align:top}a{color:#0645ad;word-break:break-word}
        @page{size:A4;margin:20mm 15mm 20mm 30mm}
        """;

    public static string Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(document.Title)).Append("</title><style>").Append(Style).Append("</style></head>\n<body>\n<h1>")
            .Append(E(document.Title)).Append("</h1>\n");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    html.Append("<h").Append(h.Level + 1).Append('>').Append(E(h.Text)).Append("</h").Append(h.Level + 1).Append(">\n");
                    break;
                case Paragraph p:
                    html.Append("<p>").Append(E(p.Text)).Append("</p>\n");
                    break;
                case Items list:
                    html.Append("<ul>\n");
                    foreach (var line in list.Lines)
                    {
                        html.Append("<li>").Append(E(line.Text));
                        if (line.LinkText is { } link)
                        {
                            html.Append(line.Url is { } url ? $"<a href=\"{E(url)}\">{E(link)}</a>" : E(link));
                        }

                        html.Append(E(line.After)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                    break;
                case Table t:
                    html.Append("<div class=\"table\"><table><thead><tr>").AppendJoin("", t.Head.Select(c => $"<th>{E(c)}</th>")).Append("</tr></thead><tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{E(c)}</td>")).Append("</tr>\n");
                    }

                    html.Append("</tbody></table></div>\n");
                    break;
            }
        }

        return html.Append("</body></html>\n").ToString();
    }

    // Vietnamese letters stay as written (WebUtility would turn "ó" into "&#243;"): readable source, smaller mail.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>HTML-escapes markup characters only.</summary>
    public static string E(string text) => Encoder.Encode(text);
}
