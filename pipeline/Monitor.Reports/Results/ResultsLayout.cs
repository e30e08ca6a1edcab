using System.Globalization;
using Monitor.Core.Text;
using Monitor.Reports.Rendering;
using Monitor.Wording;

namespace Monitor.Reports.Results;

/// <summary>Who signs and where: the report's issuing body and place (settings <c>Monitor:Report</c>); unset, they are taken
/// from the directive's issuer ("Sở Thông tin và Truyền thông tỉnh Kon Tum": body, "UBND tỉnh Kon Tum", "Kon Tum").</summary>
public sealed class ReportIssuer
{
    public string? ParentBody { get; set; }
    public string? Body { get; set; }
    /// <summary>The abbreviation after "BC-" in the number ("STTTT").</summary>
    public string? Abbreviation { get; set; }
    public string? Place { get; set; }
    public string? SignerTitle { get; set; }
}

/// <summary>The results report laid out in the plan's structure, in the frame of Nghị định 30/2020/NĐ-CP.</summary>
public static class ResultsLayout
{
    public static (ReportDocument Document, AdministrativeFrame Frame) Layout(ResultsReport r, ReportIssuer issuer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(issuer);
        var d = r.Directive;
        var source = d.Issuer ?? "";
        var province = source.Contains(" tỉnh ", StringComparison.Ordinal) ? source[(source.IndexOf(" tỉnh ", StringComparison.Ordinal) + 6)..] : null;
        var body = issuer.Body ?? (source.Length > 0 ? source : "[Tên cơ quan báo cáo]");
        var bodyName = province is not null && body.EndsWith(" tỉnh " + province, StringComparison.Ordinal) ? body[..^(" tỉnh ".Length + province.Length)] : body;
        var place = issuer.Place ?? province ?? "[Địa danh]";
        var directive = string.Join(' ', new[] { d.Type, d.Number is { } n ? "số " + n : null, d.Issued is { } i ? $"ngày {i:dd/MM/yyyy}" : null, d.Issuer is { } s ? "của " + s : null }.OfType<string>());
        var subject = $"Kết quả thực hiện {directive}{(directive.Length > 0 ? " về " : "")}{Lower(d.Title)}";
        var frame = new AdministrativeFrame(
            issuer.ParentBody ?? (province is not null ? "UBND tỉnh " + province : "[Cơ quan chủ quản]"),
            bodyName,
            $"Số:      /BC-{issuer.Abbreviation ?? Abbreviate(bodyName)}",
            $"{place}, ngày {today.Day:00} tháng {today.Month:00} năm {today.Year}",
            "BÁO CÁO",
            subject,
            [.. d.Issuer is { } to && to != body ? new[] { to + " (để báo cáo)" } : [], "Lưu: VT"],
            issuer.SignerTitle ?? "Thủ trưởng cơ quan");

        var covered = r.Themes.Count(t => t.Articles > 0);
        var blocks = new List<Block>
        {
            new Heading(1, "I. KẾT QUẢ THỰC HIỆN"),
            new Paragraph($"Từ ngày {D(r.From)} đến ngày {D(r.To)}, {CoverageWords.AllPressOutlets} đã đăng {r.Articles} tin, bài về {covered}/{r.Themes.Count} chủ đề của kế hoạch "
                + $"({r.Themes.SelectMany(t => t.Outlets).Select(o => o.Outlet).Distinct().Count()} cơ quan đưa tin; số liệu từ hệ thống Monitor, kế hoạch {r.PlanId} phiên bản {r.PlanVersion})."),
        };
        foreach (var t in r.Themes)
        {
            blocks.Add(new Heading(2, $"{t.Code}. {t.Title}"));
            if (t.Articles == 0)
            {
                blocks.Add(new Paragraph("Chưa có tin, bài nào trong thời gian thực hiện."));
                continue;
            }

            blocks.Add(new Paragraph($"Có {t.Articles} tin, bài của {t.Outlets.Count} cơ quan: {string.Join(", ", t.Outlets.Select(o => $"{o.Outlet} ({o.Articles})"))}. Tin, bài tiêu biểu:"));
            blocks.Add(new Items(t.Representative.Select(a => new Item($"«{a.Title}» ({a.Outlet}{(a.Published is { } p ? ", " + D(DateOnly.FromDateTime(Core.Time.VietnamTime.ToLocal(p).DateTime)) : "")}).")).ToList()));
        }

        blocks.Add(new Heading(1, "II. THỰC HIỆN CHỈ TIÊU"));
        var met = r.Quotas.Where(q => q.Delivered >= q.Required).ToList();
        var notMet = r.Quotas.Where(q => q.Delivered < q.Required).ToList();
        blocks.Add(new Paragraph(r.Quotas.Count == 0 ? "Kế hoạch không giao chỉ tiêu số lượng." : $"Đạt {met.Count}/{r.Quotas.Count} chỉ tiêu đến hết ngày {D(r.To)}."));
        if (r.Quotas.Count > 0)
        {
            blocks.Add(new Items(r.Quotas.Select(q => new Item(
                $"{CoverageWords.OutletSubject(q.Outlet, sentenceStart: true)}, {CoverageWords.Rate(q)}{(q.Theme is { } c ? $" (chủ đề {c})" : "")}: phải có {q.Required}, đã có {q.Delivered}"
                + (q.Delivered >= q.Required ? " — đạt." : $", còn thiếu {q.Remaining} — chưa đạt."))).ToList()));
        }

        blocks.Add(new Heading(1, "III. CHỦ ĐỀ CHƯA CÓ TIN, BÀI"));
        var uncovered = r.Themes.Where(t => t.Articles == 0).ToList();
        blocks.Add(uncovered.Count == 0 ? new Paragraph("Tất cả chủ đề đều đã có tin, bài.") : new Items(uncovered.Select(t => new Item($"{t.Code}. {t.Title}")).ToList()));
        blocks.Add(new Heading(1, "PHỤ LỤC: DANH SÁCH TIN, BÀI ĐƯỢC TÍNH"));
        blocks.Add(new Table(["TT", "Ngày", "Cơ quan báo chí", "Chuyên mục", "Tiêu đề", "Chủ đề", "Liên kết"],
            r.Annex.Select((a, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), D(a.Day), a.Outlet, a.Section ?? "", a.Title, string.Join(", ", a.Themes), a.Url]).ToList()));
        return (new ReportDocument("BÁO CÁO " + subject, blocks), frame);
    }

    /// <summary>The frame as the opening lines of a Markdown or HTML draft.</summary>
    public static ReportDocument WithFrameLines(ReportDocument document, AdministrativeFrame f)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(f);
        Block[] head =
        [
            new Paragraph($"{f.ParentBody.ToUpperInvariant()} — {f.IssuingBody.ToUpperInvariant()} — {f.Number}"),
            new Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc"),
            new Paragraph(f.PlaceAndDate),
        ];
        Block[] tail = [new Heading(1, "Nơi nhận"), new Items(f.Recipients.Select(x => new Item(x)).ToList()), new Paragraph(f.SignerTitle.ToUpperInvariant() + " (ký, ghi rõ họ tên, đóng dấu)")];
        return document with { Blocks = [.. head, .. document.Blocks, .. tail] };
    }

    private static string Abbreviate(string body) =>
        string.Concat(body.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => VietnameseFolding.Key(w) != "va").Select(w => char.ToUpperInvariant(w[0])));

    private static string Lower(string title) => title.Length == 0 ? title : char.ToLowerInvariant(title[0]) + title[1..];

    private static string D(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
