using Monitor.Core.Plans;
using Monitor.Storage.Coverage;
using Monitor.Storage.Summaries;

namespace Monitor.Reports.Results;

/// <summary>The results report of a plan over [From, To] (báo cáo kết quả thực hiện): per theme what was published and
/// by whom, the quotas, the themes without coverage, and every counted article for the annex.</summary>
public sealed record ResultsReport(
    string PlanId,
    int PlanVersion,
    Directive Directive,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<ThemeResult> Themes,
    IReadOnlyList<QuotaStatus> Quotas,
    IReadOnlyList<AnnexArticle> Annex)
{
    public int Articles => Annex.Count;
}

/// <summary>One theme of the plan: distinct articles, outlets with their counts, a few representative titles.</summary>
public sealed record ThemeResult(string Code, string Title, int Articles, IReadOnlyList<(string Outlet, int Articles)> Outlets, IReadOnlyList<ArticleHeading> Representative);

/// <summary>A counted article as the annex lists it: the Vietnamese day it counts on and the plan's themes it covers.</summary>
public sealed record AnnexArticle(DateOnly Day, string Outlet, string? Section, string Title, string Url, IReadOnlyList<string> Themes);
