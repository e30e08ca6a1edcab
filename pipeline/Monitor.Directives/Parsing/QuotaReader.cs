using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitor.Directives.Parsing;

/// <summary>Reads quotas in their printed forms: "Hằng tháng triển khai tối thiểu 01 chuyên mục", "(01 chuyên
/// mục/tháng)", "định kỳ hằng tháng xây dựng 01 chuyên mục ... trên Báo Kon Tum", "mỗi tuần đăng tải tối thiểu 02 tin, bài".</summary>
internal static partial class QuotaReader
{
    private const string Units = @"(?<unit>chuyên mục|chuyên trang|chuyên đề|tin,\s*bài|tin bài|tin|bài viết|bài|phóng sự|chương trình|video|clip|số|ấn phẩm|tọa đàm)";

    [GeneratedRegex(@"(?:hằng|hàng|mỗi)\s+(?<p>tuần|tháng|quý|năm)\b[^.;]{0,60}?(?<n>\d{1,3})\s+" + Units, RegexOptions.IgnoreCase)]
    private static partial Regex PeriodFirst();

    [GeneratedRegex(@"(?<n>\d{1,3})\s+" + Units + @"\s*/\s*(?<p>tuần|tháng|quý|năm)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountFirst();

    [GeneratedRegex(@"(?<n>\d{1,3})\s+" + Units + @"[^.;]{0,40}?\s(?:mỗi|hằng|hàng|trên|một)\s+(?<p>tuần|tháng|quý|năm)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountThenPeriod();

    /// <summary>Quotas stated in one paragraph: count, unit, period and the sentence.</summary>
    public static IEnumerable<(int Count, string Unit, string Period, string Sentence)> Read(string paragraph)
    {
        foreach (var sentence in Regex.Split(paragraph, @"(?<=[.;])\s+"))
        {
            var m = PeriodFirst().Match(sentence);
            if (!m.Success)
            {
                m = CountFirst().Match(sentence);
            }

            if (!m.Success)
            {
                m = CountThenPeriod().Match(sentence);
            }

            if (m.Success && int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) is > 0 and var n)
            {
                var unit = Regex.Replace(m.Groups["unit"].Value.ToLowerInvariant(), @"tin,\s*bài|tin bài", "tin, bài");
                yield return (n, unit, Period(m.Groups["p"].Value), sentence.Trim());
            }
        }
    }

    private static string Period(string word) => word.ToLowerInvariant() switch
    {
        "tuần" => "week",
        "tháng" => "month",
        "quý" => "quarter",
        _ => "year",
    };
}
