using System.Text;
using Monitor.Core.Articles;

namespace Monitor.Lab.Bench;

/// <summary>Generated Vietnamese-like articles of a given size for benchmarks; a share of them mention a
/// plan keyword so the tagger does real work. Deterministic for a seed.</summary>
public sealed class ArticleGenerator(IReadOnlyList<string> keywords, int seed = 46)
{
    internal static readonly string[] Words = ("tỉnh huyện xã người dân cán bộ kinh tế phát triển sản xuất nông nghiệp du lịch văn hóa giáo dục y tế " +
        "giao thông công trình dự án đầu tư thu hoạch mùa vụ cà phê cao su lúa nước học sinh giáo viên bệnh viện trạm y tế hội nghị triển khai " +
        "thực hiện kế hoạch nhiệm vụ năm tháng tuần kết quả đạt được chỉ tiêu đề ra đồng bào dân tộc thiểu số vùng sâu vùng xa biên giới " +
        "thời tiết mưa lớn nắng nóng an ninh trật tự lực lượng chức năng kiểm tra xử lý vi phạm doanh nghiệp thị trường giá cả hàng hóa").Split(' ');

    private readonly Random _random = new(seed);

    public Article Next(int index, int bytes, DateTimeOffset published)
    {
        var text = new StringBuilder(bytes + 64);
        while (Encoding.UTF8.GetByteCount(text.ToString()) < bytes)
        {
            for (var i = 0; i < 40; i++)
            {
                text.Append(Words[_random.Next(Words.Length)]).Append(' ');
            }

            if (_random.Next(8) == 0)
            {
                text.Append(keywords[_random.Next(keywords.Count)]).Append(' ');
            }

            text.Append(".\n\n");
        }

        var url = $"https://bench.example/bai-{index}.html";
        var title = $"Bài số {index}: {Words[_random.Next(Words.Length)]} {Words[_random.Next(Words.Length)]}";
        var body = text.ToString();
        return new Article
        {
            Id = ArticleId.FromCanonicalUrl(url), Url = url, CanonicalUrl = url, Outlet = $"Báo {index % 7}", Title = title, Text = body,
            Published = published, FetchedAt = published, Language = "vi", ContentHash = ArticleId.ContentHash(title, null, body),
        };
    }
}
