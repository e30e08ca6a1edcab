using System.Globalization;
using Monitor.Core.References;
using Monitor.Core.Tagging;
using Monitor.Storage.Feedback;

namespace Monitor.Wording;

/// <summary>The Vietnamese words for what the article page shows of one article: a tag's grade and evidence, a
/// person's decision on it, and the kind of a document it cites (the page and its downloads say the same).</summary>
public static class ArticleWords
{
    /// <summary>"chính", "một phần" (both count) or "nhắc đến" (a passing mention, never counted).</summary>
    public static string Grade(string grade) => grade switch
    {
        ThemeGrade.Primary => "chính",
        ThemeGrade.Partial => "một phần",
        ThemeGrade.Mention => "nhắc đến",
        _ => grade,
    };

    /// <summary>Where a phrase was found: "tiêu đề", "sapo" or "thân bài".</summary>
    public static string Field(string field) => field switch
    {
        "title" => "tiêu đề",
        "description" => "sapo",
        _ => "thân bài",
    };

    /// <summary>The matched phrases, each once with its field: “ngộ độc thực phẩm” (tiêu đề), …; "—" when none (a theme a
    /// person added has no evidence).</summary>
    public static string Evidence(IEnumerable<Evidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var phrases = evidence.Select(e => $"“{e.Text}” ({Field(e.Field)})").Distinct().ToList();
        return phrases.Count == 0 ? "—" : string.Join(", ", phrases);
    }

    /// <summary>"đúng", "không đúng" or "thêm chủ đề".</summary>
    public static string Verdict(Verdict verdict) => verdict switch
    {
        Storage.Feedback.Verdict.Confirmed => "đúng",
        Storage.Feedback.Verdict.Rejected => "không đúng",
        _ => "thêm chủ đề",
    };

    /// <summary>A decision as the article page shows it: "không đúng — analyst, 20/11/2024 09:15: lý do".</summary>
    public static string Decision(FeedbackEntry decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return $"{Verdict(decision.Verdict)} — {decision.User}, {decision.At.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}"
            + (decision.Reason is null ? "" : ": " + decision.Reason);
    }

    /// <summary>The kind of a cited document as its number shows it; a law named without a number is "luật".</summary>
    public static string DocumentKind(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var found = DocumentReferenceExtractor.FindNumbers(number);
        return found.Count > 0 && found[0].Number == number
            ? found[0].Kind switch
            {
                Core.References.DocumentKind.Party => "văn bản của Đảng",
                Core.References.DocumentKind.Administrative => "văn bản hành chính",
                _ => "văn bản quy phạm pháp luật",
            }
            : number.StartsWith("Luật ", StringComparison.Ordinal) || number.StartsWith("Bộ luật ", StringComparison.Ordinal) ? "luật" : "khác";
    }
}
