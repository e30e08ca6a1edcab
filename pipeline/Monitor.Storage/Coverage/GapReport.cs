namespace Monitor.Storage.Coverage;

/// <summary>What is wrong with a theme's coverage so far.</summary>
public enum GapKind
{
    None,
    NotStarted,
    Uncovered,
    SingleOutlet,
}

/// <summary>One theme's coverage so far in its window: who covered it, when first, and the health of the outlets missing.</summary>
/// <param name="Stories">Articles less the syndicated copies of an earlier article of the theme (near-duplicates).</param>
/// <param name="LatencyDays">Days from the directive's issue date (else the window's start) to the first article.</param>
/// <param name="Health">Sources of the outlets that should have covered the theme and did not.</param>
public sealed record ThemeGap(
    string Code,
    string Title,
    GapKind Kind,
    int Articles,
    int Stories,
    IReadOnlyList<string> Outlets,
    DateOnly? FirstDay,
    int? LatencyDays,
    IReadOnlyList<OutletHealth> Health)
{
    /// <summary>Beside a gap whose missing outlets have an unhealthy source: the gap may be the feed's, not the press's.</summary>
    public string? SourceNote => !Health.Any(h => h.Unhealthy) ? null
        : Kind == GapKind.Uncovered ? "không có bài có thể do nguồn lỗi"
        : "thiếu cơ quan có thể do nguồn lỗi";

    /// <summary>The label users read.</summary>
    public string Label => Kind switch
    {
        GapKind.Uncovered => "chưa có bài",
        GapKind.SingleOutlet => "chỉ một cơ quan",
        GapKind.NotStarted => "chưa đến thời gian",
        _ => "đã có bài",
    };
}

/// <summary>Gaps of a plan as of a day.</summary>
public sealed record GapReport(string PlanId, int PlanVersion, DateOnly AsOf, DateOnly? Issued, IReadOnlyList<ThemeGap> Themes)
{
    public IEnumerable<ThemeGap> Gaps => Themes.Where(t => t.Kind is GapKind.Uncovered or GapKind.SingleOutlet);
}

/// <summary>How an outlet's sources look from the crawler's side.</summary>
public enum SourceState
{
    Ok,
    Failing,
    Silent,
    Untracked,
    Paused,
    ExtractionFailing,
}

/// <summary>Health of an outlet's sources: a host paused, failing (last attempt failed), pages fetched but no article
/// extracted, silent (no article for <see cref="CoverageRules.SilentAfterDays"/> days, or far beyond a source's rhythm),
/// fine, or not crawled at all.</summary>
/// <param name="Paused">The host paused, when <paramref name="State"/> is <see cref="SourceState.Paused"/>.</param>
public sealed record OutletHealth(string Outlet, IReadOnlyList<string> Sources, SourceState State, DateTimeOffset? LastSuccess, string? LastError, DateOnly? LastArticleDay,
    Crawl.PausedHost? Paused = null)
{
    /// <summary>A state that can explain missing articles.</summary>
    public bool Unhealthy => State is SourceState.Failing or SourceState.Paused or SourceState.ExtractionFailing or SourceState.Silent;

    public string Label => State switch
    {
        SourceState.Paused => $"nguồn tạm dừng: máy chủ {Paused?.Host} đến {Crawl.SourceHealthLine.When(Paused?.Until)} sau {Paused?.Failures} lần lỗi liên tiếp",
        SourceState.ExtractionFailing => "nguồn lỗi trích xuất: tải được trang nhưng không lấy được bài",
        SourceState.Failing => "nguồn lỗi: " + LastError,
        SourceState.Silent => LastArticleDay is { } d ? $"nguồn im lặng, bài gần nhất ngày {d:dd/MM/yyyy}" : "nguồn im lặng, chưa có bài nào",
        SourceState.Untracked => "chưa có nguồn thu thập",
        _ => "nguồn bình thường",
    };
}

/// <summary>Articles of the plan around one plan event.</summary>
public sealed record EventCoverage(DateOnly Date, string Title, DateOnly From, DateOnly To, IReadOnlyList<(string Outlet, int Articles)> Outlets)
{
    public int Articles => Outlets.Sum(o => o.Articles);
}
