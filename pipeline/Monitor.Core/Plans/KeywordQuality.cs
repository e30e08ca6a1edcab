using Monitor.Core.Text;

namespace Monitor.Core.Plans;

/// <summary>Keywords that cannot stand alone as evidence of a theme (docs/tagging.md, "Keyword quality"): a fragment
/// of a sentence that starts or ends with a function word ("trong hoạt động quản lý"), a phrase of only generic
/// words ("hoạt động quản lý", "địa bàn tỉnh giai đoạn 2021-2025"), and a broad single word ("đầu tư", "du lịch":
/// one lower-case word of one or two syllables) without a qualifying context. The importer leaves the first two out
/// and puts the third in a rule (title or lead only); <c>monitor directive check</c> warns on all three.</summary>
public static class KeywordQuality
{
    // With their diacritics: folded, "về" would be "vệ" of "Luật Cảnh vệ" and "của" the "cua" crab.
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "trong", "của", "và", "với", "cho", "về", "các", "những", "một", "để", "tại", "từ", "đến", "theo", "trên", "là",
        "được", "có", "khi", "như", "thì", "mà", "hoặc", "bởi", "vào", "ở", "do", "này", "ấy", "sau", "trước", "giữa",
    };

    // Words that say what is done or where, never what about: a keyword made only of them (and numbers) says nothing.
    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "hoat", "dong", "quan", "ly", "cong", "tac", "nang", "cao", "nhan", "thuc", "tang", "cuong", "thuc", "hien", "trien", "khai",
        "tuyen", "truyen", "thong", "phat", "trien", "xay", "dung", "day", "manh", "hieu", "qua", "su", "dia", "ban", "tinh",
        "giai", "doan", "nam", "thang", "tuan", "huyen", "xa", "nhiem", "vu", "ket", "chinh", "sach", "phap", "luat",
        "to", "chuc", "nguoi", "dan", "can", "bo", "phuong", "linh", "vuc", "pho", "bien", "bao", "ve", "cung", "co", "thanh", "vien",
    };

    /// <summary>What is wrong with <paramref name="keyword"/> as a keyword (Vietnamese, for the analyst), or null.</summary>
    public static string? Problem(string keyword) => Check(keyword).Message;

    /// <summary>A sentence fragment or a phrase of generic words: nothing to keep, even in a rule.</summary>
    public static bool SaysNothing(string keyword) => Check(keyword).Kind is 1 or 2;

    private static (int Kind, string? Message) Check(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        var written = keyword.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant()
            .Split([' ', ',', ';', '-', '–'], StringSplitOptions.RemoveEmptyEntries);
        var words = VietnameseFolding.Key(keyword).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return (0, null);
        }

        if (written.Length > 1 && (FunctionWords.Contains(written[0]) || FunctionWords.Contains(written[^1])))
        {
            return (1, $"'{keyword}' là một mảnh câu (bắt đầu hoặc kết thúc bằng hư từ '{(FunctionWords.Contains(written[0]) ? written[0] : written[^1])}')");
        }

        if (words.All(w => GenericWords.Contains(w) || w.All(char.IsAsciiDigit)) || written.All(FunctionWords.Contains))
        {
            return (2, $"'{keyword}' chỉ gồm từ chung chung, không nói chủ đề nào");
        }

        return IsBroad(keyword) ? (3, $"'{keyword}' là một từ quá rộng; chỉ dùng kèm ngữ cảnh (luật title:/lead: hoặc NEAR)") : (0, null);
    }

    /// <summary>One lower-case word of one or two syllables, no digit, no name or acronym in it ("du lịch", "đầu tư").</summary>
    public static bool IsBroad(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        var written = keyword.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return written.Length is >= 1 and <= 2
            && !keyword.Any(char.IsDigit)
            && !written.Skip(1).Any(w => char.IsUpper(w[0]))
            && !written.Any(w => w.Length > 1 && w.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            && VietnameseFolding.Key(keyword).Length > 0;
    }

    /// <summary>The rule the importer writes for a broad word: evidence only where the article is about it, its
    /// title or lead.</summary>
    public static string TitleOrLeadRule(string keyword) => $"title:\"{keyword}\" OR lead:\"{keyword}\"";
}
