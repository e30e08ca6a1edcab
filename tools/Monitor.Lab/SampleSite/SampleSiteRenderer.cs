using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Core.Time;

namespace Monitor.Lab.SampleSite;

/// <summary>Renders the sample site in the markup styles of Vietnamese provincial sites: a paper with JSON-LD,
/// a broadcaster with Open Graph only, a portal with no metadata at all (visible date "Thứ Ba, 12/11/2024 - 08:30").</summary>
internal static class SampleSiteRenderer
{
    private static readonly string[] Weekdays = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

    public static string ArticlePath(SampleArticle a) => $"/{a.Outlet}/{Slug(a.Section)}/{a.Slug}.html";

    public static string FeedPath(SampleOutlet o) => o.Style == "opengraph" ? $"/{o.Slug}/atom.xml" : $"/{o.Slug}/rss.xml";

    public static string Page(SampleOutlet outlet, SampleArticle a, string baseUrl)
    {
        var url = baseUrl + ArticlePath(a);
        var local = VietnamTime.ToLocal(a.Published);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{E(a.Title)} - {E(outlet.Name)}</title>");
        if (outlet.Style is "jsonld" or "opengraph")
        {
            html.Append(CultureInfo.InvariantCulture, $"<link rel=\"canonical\" href=\"{E(url)}\"><meta property=\"og:title\" content=\"{E(a.Title)}\"><meta property=\"og:description\" content=\"{E(a.Sapo)}\">");
            html.Append(CultureInfo.InvariantCulture, $"<meta property=\"article:published_time\" content=\"{a.Published:yyyy-MM-dd'T'HH:mm:sszzz}\"><meta property=\"article:section\" content=\"{E(a.Section)}\">");
            if (a.Author is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<meta name=\"author\" content=\"{E(a.Author)}\">");
            }
        }

        if (outlet.Style == "jsonld")
        {
            var ld = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org", ["@type"] = "NewsArticle", ["headline"] = a.Title, ["description"] = a.Sapo,
                ["datePublished"] = a.Published.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), ["articleSection"] = a.Section,
                ["author"] = a.Author is null ? null : new { type = "Person", name = a.Author }, ["mainEntityOfPage"] = url,
                ["publisher"] = new { name = outlet.Name },
            });
            html.Append("<script type=\"application/ld+json\">").Append(ld).Append("</script>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</head><body><header class=\"site-header\"><a href=\"/{outlet.Slug}/\">{E(outlet.Name)}</a>");
        html.Append("<nav><ul><li><a href=\"#\">Trang chủ</a></li><li><a href=\"#\">Thời sự</a></li><li><a href=\"#\">Kinh tế</a></li><li><a href=\"#\">Xã hội</a></li><li><a href=\"#\">Văn hóa</a></li></ul></nav></header>");
        html.Append(CultureInfo.InvariantCulture, $"<main><div class=\"breadcrumb\"><a href=\"#\">Trang chủ</a> / <a href=\"#\">{E(a.Section)}</a></div><article>");
        html.Append(CultureInfo.InvariantCulture, $"<h1 class=\"title\">{E(a.Title)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"meta\"><span class=\"date\">{Weekdays[(int)local.DayOfWeek]}, {local:dd/MM/yyyy - HH:mm}</span></div>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"sapo\"><strong>{E(a.Sapo)}</strong></p><div class=\"{(outlet.Style == "plain" ? "noidung" : "detail-content")}\">");
        foreach (var p in a.Paragraphs)
        {
            html.Append("<p>").Append(E(p)).Append("</p>");
        }

        if (a.Author is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"author\" style=\"text-align:right\"><strong>{E(a.Author)}</strong></p>");
        }

        html.Append("</div></article><aside class=\"related\"><h3>Tin liên quan</h3><ul><li><a href=\"#\">Hội nghị giao ban báo chí tháng 11</a></li><li><a href=\"#\">Thời tiết Tây Nguyên cuối tuần</a></li></ul></aside></main>");
        html.Append(CultureInfo.InvariantCulture, $"<footer><p>© {E(outlet.Name)}. Giấy phép hoạt động báo điện tử do Bộ Thông tin và Truyền thông cấp.</p><p>Địa chỉ: trang mẫu phục vụ kiểm thử Monitor.</p></footer></body></html>");
        return html.ToString();
    }

    public static string Feed(SampleOutlet outlet, IEnumerable<SampleArticle> articles, string baseUrl)
    {
        var list = articles.OrderByDescending(a => a.Published).ToList();
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        if (outlet.Style == "opengraph")
        {
            xml.Append(CultureInfo.InvariantCulture, $"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>{E(outlet.Name)}</title><id>{E(baseUrl)}/{outlet.Slug}/</id>");
            foreach (var a in list)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<entry><title>{E(a.Title)}</title><link rel=\"alternate\" href=\"{E(baseUrl + ArticlePath(a))}\"/><id>{E(a.Slug)}</id><published>{a.Published:yyyy-MM-dd'T'HH:mm:sszzz}</published><summary>{E(a.Sapo)}</summary></entry>");
            }

            return xml.Append("</feed>").ToString();
        }

        // The portal's feed adds tracking parameters to its links, as many do; canonical URLs drop them.
        var tracking = outlet.Style == "plain" ? "?utm_source=rss&utm_medium=feed" : "";
        xml.Append(CultureInfo.InvariantCulture, $"<rss version=\"2.0\"><channel><title>{E(outlet.Name)}</title><link>{E(baseUrl)}/{outlet.Slug}/</link>");
        foreach (var a in list)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<item><title>{E(a.Title)}</title><link>{E(baseUrl + ArticlePath(a) + tracking)}</link><description>{E(a.Sapo)}</description><pubDate>{a.Published.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture)}</pubDate></item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }

    // Vietnamese stays readable in the markup; only what HTML needs is escaped.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string E(string s) => Html.Encode(s);

    private static string Slug(string section) => Monitor.Core.Text.VietnameseFolding.Key(section).Replace(' ', '-');
}
