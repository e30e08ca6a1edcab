using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Monitor.Core.Time;

namespace Monitor.Crawlers.Extraction;

/// <summary>Publication dates from metadata and from the visible Vietnamese forms ("Thứ Hai, 18/11/2024 - 08:30",
/// "18/11/2024 08:30 GMT+7"). A date without a zone is Vietnam time.</summary>
internal static partial class PageDates
{
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            var hasZone = ZoneSuffix().IsMatch(value);
            return hasZone ? parsed : new DateTimeOffset(parsed.DateTime, VietnamTime.Offset);
        }

        return FromVietnamese(value);
    }

    public static DateTimeOffset? FromMeta(IDocument document, params string[] names) =>
        names.Select(n => Parse(ArticleExtractor.Meta(document, n))).FirstOrDefault(d => d is not null);

    public static DateTimeOffset? FromTimeElement(IDocument document) =>
        document.QuerySelectorAll("time").Select(t => Parse(t.GetAttribute("datetime")) ?? FromVietnamese(t.TextContent))
            .FirstOrDefault(d => d is not null);

    /// <summary>A date printed on the page. Elements named like a date line ("date", "time", "publish", "ngay") are
    /// read first: many Vietnamese sites print today's date in their header, before the article's own.</summary>
    public static DateTimeOffset? FromVisibleText(IDocument document)
    {
        var leaves = document.Body?.QuerySelectorAll("*").Where(e => e.ChildElementCount <= 2 && e.TextContent.Length < 120).ToList() ?? [];
        return leaves.Where(e => DateName().IsMatch(e.ClassName ?? "") || DateName().IsMatch(e.Id ?? ""))
            .Concat(leaves.Where(e => e.ChildElementCount == 0))
            .Select(e => FromVietnamese(e.TextContent)).FirstOrDefault(d => d is not null);
    }

    /// <summary>"18/11/2024 - 08:30", "18/11/2024 08:30 GMT+7", "30/06/2025", with an optional weekday before.</summary>
    public static DateTimeOffset? FromVietnamese(string text)
    {
        var m = VietnameseDate().Match(text);
        if (!m.Success)
        {
            return null;
        }

        int N(string g) => m.Groups[g].Success && m.Groups[g].Length > 0 ? int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        var (day, month, year) = (N("d"), N("m"), N("y"));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || N("h") > 23 || N("min") > 59)
        {
            return null;
        }

        var offset = m.Groups["z"].Success && m.Groups["z"].Length > 0
            ? TimeSpan.FromHours(int.Parse(m.Groups["z"].Value, CultureInfo.InvariantCulture))
            : VietnamTime.Offset;
        return new DateTimeOffset(year, month, day, N("h"), N("min"), 0, offset);
    }

    [GeneratedRegex("date|time|publish|ngay|posted", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateName();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex ZoneSuffix();

    [GeneratedRegex(@"(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})(?:\s*(?:-|,|\|)?\s*(?<h>\d{1,2})[:h](?<min>\d{2}))?(?:\s*(?:GMT|UTC)\s*(?<z>[+-]\d{1,2}))?")]
    private static partial Regex VietnameseDate();
}
