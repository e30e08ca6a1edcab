using Monitor.Core.Plans;

namespace Monitor.Directives.Checking;

/// <summary>What an analyst should hear about a proposal before reading it: a file that does not look like a directive
/// still yields a plan (the importer proposes a theme for every numbered item), so the proposal says so instead of
/// passing silently. Vietnamese, one line each, for <c>monitor directive import</c>.</summary>
public static class ProposalWarnings
{
    public static IReadOnlyList<string> Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var warnings = new List<string>();
        if (string.IsNullOrWhiteSpace(plan.Directive.Type) && string.IsNullOrWhiteSpace(plan.Directive.Issuer))
        {
            warnings.Add($"không thấy phần đầu của một văn bản chỉ đạo (loại văn bản như Kế hoạch, Công văn, Hướng dẫn; cơ quan ban hành); {plan.Themes.Count} chủ đề được đề xuất từ các mục đánh số — hãy kiểm tra đúng tệp chưa");
        }

        return warnings;
    }
}
