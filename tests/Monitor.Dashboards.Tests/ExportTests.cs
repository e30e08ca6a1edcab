using Monitor.Dashboards.Exports;
using Monitor.Dashboards.Tests.Support;

namespace Monitor.Dashboards.Tests;

/// <summary>The one export mechanism: typed rows to CSV (UTF-8 with BOM, quoted as RFC 4180, no formula from a crawled
/// text) and XLSX (numbers as numbers, days as dates, text as text).</summary>
public sealed class ExportTests
{
    private sealed record Row(string Title, int Articles, double Share, DateOnly Day, string? Section);

    private static readonly Row[] Rows =
    [
        new("Kỳ họp thứ 8, \"Quốc hội\"", 12, 0.5, new DateOnly(2024, 11, 18), null),
        new("=HYPERLINK(\"http://x\")", 3, 1.25, new DateOnly(2024, 11, 19), "Thời sự\nđịa phương"),
    ];

    private static ExportTable Table() => ExportTable.Of("Bảng: thử [1]", Rows,
        new ExportColumn<Row>("Tiêu đề", r => r.Title), new ExportColumn<Row>("Số bài", r => r.Articles), new ExportColumn<Row>("Tỉ lệ", r => r.Share),
        new ExportColumn<Row>("Ngày", r => r.Day), new ExportColumn<Row>("Chuyên mục", r => r.Section));

    [Fact]
    public void The_csv_keeps_vietnamese_and_quotes_and_never_starts_a_cell_with_a_formula()
    {
        var csv = Downloads.Csv(CsvExport.Write(Table()));

        Assert.Equal(["Tiêu đề", "Số bài", "Tỉ lệ", "Ngày", "Chuyên mục"], csv[0]);
        Assert.Equal(["Kỳ họp thứ 8, \"Quốc hội\"", "12", "0.5", "2024-11-18", ""], csv[1]);
        Assert.Equal(["'=HYPERLINK(\"http://x\")", "3", "1.25", "2024-11-19", "Thời sự\nđịa phương"], csv[2]);
        Assert.Equal(3, csv.Count);
    }

    [Fact]
    public void The_xlsx_holds_numbers_as_numbers_days_as_dates_and_text_as_text()
    {
        var sheet = Downloads.Xlsx(XlsxExport.Write(Table()));

        Assert.Equal(new object?[] { "Tiêu đề", "Số bài", "Tỉ lệ", "Ngày", "Chuyên mục" }, sheet[0]);
        Assert.Equal(new object?[] { "Kỳ họp thứ 8, \"Quốc hội\"", 12d, 0.5, new DateTime(2024, 11, 18).ToOADate(), null }, sheet[1]);
        Assert.Equal(new object?[] { "=HYPERLINK(\"http://x\")", 3d, 1.25, new DateTime(2024, 11, 19).ToOADate(), "Thời sự\nđịa phương" }, sheet[2]);
    }
}
