using Microsoft.AspNetCore.Mvc;
using Monitor.Dashboards.Articles;
using Monitor.Dashboards.Exports;
using Monitor.Storage.Feedback;
using Monitor.Wording;

namespace Monitor.Dashboards.Pages.Articles;

/// <summary>One row of the article page's themes table: a theme of a plan the article was tagged with or a person
/// decided on (a rejected theme keeps its row, without a tag).</summary>
public sealed record ThemeRow(string Plan, string Code, string Title, StoredTag? Tag, FeedbackEntry? Decision);

/// <summary>The article page's tables as downloads, under the page's own permission (every role may read an article):
/// themes (all plans), passing mentions, cited documents, near-duplicates, earlier versions.</summary>
public sealed partial class ArticleModel
{
    public async Task<IActionResult> OnGetExportAsync(string id, string? table, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var tables = new Dictionary<string, ExportTable>
        {
            ["themes"] = ExportTable.Of("Chủ đề", Plans.SelectMany(ThemeRows),
                new ExportColumn<ThemeRow>("Kế hoạch", r => r.Plan),
                new ExportColumn<ThemeRow>("Mã chủ đề", r => r.Code),
                new ExportColumn<ThemeRow>("Chủ đề", r => r.Title),
                new ExportColumn<ThemeRow>("Mức", r => r.Tag is null ? null : ArticleWords.Grade(r.Tag.Grade)),
                new ExportColumn<ThemeRow>("Điểm", r => r.Tag?.Score),
                new ExportColumn<ThemeRow>("Bằng chứng", r => r.Tag is null ? null : ArticleWords.Evidence(r.Tag.Evidence)),
                new ExportColumn<ThemeRow>("Nhận xét", r => r.Decision is null ? null : ArticleWords.Decision(r.Decision))),
            ["mentions"] = ExportTable.Of("Chủ đề chỉ nhắc đến", Mentions,
                new ExportColumn<Mention>("Kế hoạch", m => m.Plan),
                new ExportColumn<Mention>("Mã chủ đề", m => m.Theme),
                new ExportColumn<Mention>("Chủ đề", m => m.Title),
                new ExportColumn<Mention>("Điểm", m => m.Score),
                new ExportColumn<Mention>("Bằng chứng", m => ArticleWords.Evidence(m.Evidence))),
            ["references"] = ExportTable.Of("Văn bản được dẫn", References,
                new ExportColumn<string>("Số hiệu", r => r),
                new ExportColumn<string>("Loại", ArticleWords.DocumentKind)),
            ["duplicates"] = ExportTable.Of("Bài gần trùng", Duplicates,
                new ExportColumn<Duplicate>("Mã bài", d => d.Id),
                new ExportColumn<Duplicate>("Tiêu đề", d => d.Title),
                new ExportColumn<Duplicate>("Cơ quan báo chí", d => d.Outlet),
                new ExportColumn<Duplicate>("Khác (bit)", d => d.Distance)),
            ["versions"] = ExportTable.Of("Các phiên bản", Changes,
                new ExportColumn<ArticleChange>("Phiên bản", c => c.Version),
                new ExportColumn<ArticleChange>("Thay đổi lúc", c => Changed(c.ChangedAt)),
                new ExportColumn<ArticleChange>("Tiêu đề trước đó", c => c.PreviousTitle)),
        };
        return ExportFile.Answer(tables, table, format, "bai-viet-" + id);
    }

    /// <summary>When an article changed, in Vietnamese time as the page shows it (the store keeps UTC).</summary>
    public static string Changed(string utc) =>
        DateTimeOffset.TryParse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : utc;
}
