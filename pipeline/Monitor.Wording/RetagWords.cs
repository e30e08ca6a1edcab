using Monitor.Storage.Plans;

namespace Monitor.Wording;

/// <summary>The Vietnamese words for what a re-tag's second opinion did (<see cref="RetagReviewCount"/>): the Kế hoạch
/// page's progress display and <c>monitor retag</c> say the same.</summary>
public static class RetagWords
{
    /// <summary>While the re-tag runs: "Đang gắn lại… Mô hình ngôn ngữ đã xem lại 3 cặp bài – chủ đề ở mức ranh giới (2/5
    /// câu hỏi)."</summary>
    public static string Running(RetagReviewCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return $"Đang gắn lại… Mô hình ngôn ngữ đã xem lại {count.Reviewed} cặp bài – chủ đề ở mức ranh giới ({count.Asked}/{count.Budget} câu hỏi).";
    }

    /// <summary>At the end: how many borderline pairs the model reviewed, how many answers came from the cache, the
    /// questions of the run against its budget, and why the rest kept the rules' grades (budget spent, no answer).</summary>
    public static string Reviewed(RetagReviewCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var line = $"Ý kiến thứ hai của mô hình ngôn ngữ: đã xem lại {count.Reviewed} cặp bài – chủ đề ở mức ranh giới ({count.Cached} câu trả lời lấy từ bộ nhớ đệm, {count.Asked} câu hỏi mới; ngân sách {count.Budget} câu hỏi mỗi lần gắn lại).";
        if (count.Failed)
        {
            line += " Mô hình không trả lời được: các cặp còn lại giữ mức do luật gắn.";
        }
        else if (count.OverBudget)
        {
            line += " Hết ngân sách: các cặp còn lại giữ mức do luật gắn.";
        }

        return line;
    }
}
