using Monitor.Core.References;

namespace Monitor.Core.Tests.References;

public sealed class DocumentReferenceExtractorTests
{
    [Theory]
    [InlineData("Chỉ thị số 30-CT/TW của Ban Bí thư", "30-CT/TW", DocumentKind.Party)]
    [InlineData("Kế hoạch số 262-KH/TU ngày 16/12/2024", "262-KH/TU", DocumentKind.Party)]
    [InlineData("Công văn số 2731-CV/BTGTU ngày 23/10/2024", "2731-CV/BTGTU", DocumentKind.Party)]
    [InlineData("Kế hoạch số 3929/KH-UBND ngày 01/11/2024", "3929/KH-UBND", DocumentKind.Administrative)]
    [InlineData("Nghị quyết số 61/NQ-HĐND ngày 10/12/2023", "61/NQ-HĐND", DocumentKind.Administrative)]
    [InlineData("Quyết định số 334/QĐ-TTg ngày 01/4/2023", "334/QĐ-TTg", DocumentKind.Administrative)]
    [InlineData("Nghị định số 24/2024/NĐ-CP ngày 27 tháng 02", "24/2024/NĐ-CP", DocumentKind.Normative)]
    [InlineData("Kế hoạch số 155KH/TU, ngày 28/6/2024", "155-KH/TU", DocumentKind.Party)]
    [InlineData("Số: 4890 -CV/BCSD", "4890-CV/BCSD", DocumentKind.Party)]
    [InlineData("Nghị định 24/2024/ND-CP", "24/2024/NĐ-CP", DocumentKind.Normative)]
    [InlineData("Chương trình 32-CTr/TU ngày 12/5/2022", "32-CTr/TU", DocumentKind.Party)]
    [InlineData("Nghị định số 9/2017/NĐ-CP", "09/2017/NĐ-CP", DocumentKind.Normative)]
    public void Every_printed_form_is_found_and_normalised_to_one_canonical_number(string text, string number, DocumentKind kind)
    {
        var match = Assert.Single(DocumentReferenceExtractor.FindNumbers(text));

        Assert.Equal(number, match.Number);
        Assert.Equal(kind, match.Kind);
    }

    [Fact]
    public void Offsets_point_at_the_number_as_written_in_the_original_text()
    {
        const string text = "theo Kế hoạch số 155KH/TU, ngày 28/6/2024";

        var match = Assert.Single(DocumentReferenceExtractor.FindNumbers(text));

        Assert.Equal("155KH/TU", text.Substring(match.Start, match.Length));
    }

    [Theory]
    [InlineData("ngày 22/12/1944 - 22/12/2024")]
    [InlineData("phòng, chống dịch bệnh COVID-19 ở nước ta")]
    [InlineData("phát sóng trên kênh KRT, VTV8, VOV")]
    [InlineData("01 chuyên mục/tháng")]
    [InlineData("tốc độ tăng trưởng từ 1,21% năm 2021 lên 7,7%")]
    [InlineData("nhiệm kỳ 2025-2030, Mục 1.1, 1.2")]
    public void Dates_percentages_and_codes_that_are_not_documents_are_ignored(string text)
    {
        Assert.Empty(DocumentReferenceExtractor.FindNumbers(text));
    }

    [Fact]
    public void Several_numbers_in_a_footnote_are_all_found_in_order()
    {
        const string text = "Kế hoạch số 3929/KH-UBND ngày 01/11/2024; Công văn số 3908/UBND-KGVX ngày 31/10/2024; " +
            "Công văn số 2731-CV/BTGTU ngày 23/10/2024.";

        var numbers = DocumentReferenceExtractor.FindNumbers(text).Select(m => m.Number);

        Assert.Equal(["3929/KH-UBND", "3908/UBND-KGVX", "2731-CV/BTGTU"], numbers);
    }

    [Fact]
    public void Normalize_gives_the_canonical_form_of_a_damaged_number_and_null_for_prose()
    {
        Assert.Equal("155-KH/TU", DocumentReferenceExtractor.Normalize("155 - KH / TU"));
        Assert.Null(DocumentReferenceExtractor.Normalize("Kế hoạch"));
    }
}
