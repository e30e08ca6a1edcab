using System.Text.Json.Serialization;

namespace Monitor.Dashboards.Overview;

/// <summary>A theme as lists name it.</summary>
public sealed record ThemeRef(string Code, string Title);

/// <summary>One number of the overview with the link to the articles it counts.</summary>
public sealed record HeatCell(string Theme, string Period, int Articles, string Href);

public sealed record MatrixCell(string Theme, string Outlet, int Articles, string Href);

public sealed record DayCount(string Theme, string Day, int Articles);

/// <summary>The tiles: this week against the last, themes covered, quotas behind, sources needing attention (judged
/// now, not on the as-of day).</summary>
public sealed record Tiles(string Week, int WeekArticles, int PreviousWeekArticles, string WeekHref, int CoveredThemes, int Themes,
    int QuotasBehind, int Quotas, int SourcesNeedingAttention, int Sources)
{
    /// <summary>Why the week tile counts <see cref="Week"/>.</summary>
    public TileWeekKind WeekKind { get; init; }
}

/// <summary>Which week the overview's week tile counts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TileWeekKind>))]
public enum TileWeekKind
{
    /// <summary>The week of the as-of day.</summary>
    AsOf,

    /// <summary>Every window closed: the last week of the windows with a counted article.</summary>
    LastWithArticles,

    /// <summary>Every window closed and no article counted: the last week with most of its days in the windows.</summary>
    LastOfWindows,
}

/// <summary>A quota row for one outlet, with its progress and the link to its counted articles.</summary>
public sealed record QuotaRow(int Quota, string? Theme, string Outlet, string Rate, int Required, int Delivered, int Remaining, string Status, bool OnTrack, string Href);

/// <summary>A plan version that can be chosen.</summary>
public sealed record VersionRef(int Version, DateTimeOffset LoadedAt);

/// <summary>The overview of one plan under the filters: what the page draws and what GET /api/plans/{id}/overview
/// answers (the charts read it), numbers as numbers.</summary>
public sealed record OverviewData(
    string Plan,
    int Version,
    string Title,
    IReadOnlyList<VersionRef> Versions,
    DateOnly AsOf,
    string Period,
    DateOnly? From,
    DateOnly? To,
    string? Outlet,
    string? Section,
    IReadOnlyList<ThemeRef> Themes,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<string> Sections,
    IReadOnlyList<string> Periods,
    IReadOnlyList<HeatCell> Heat,
    IReadOnlyList<MatrixCell> Matrix,
    IReadOnlyList<DayCount> Daily,
    Tiles Tiles,
    IReadOnlyList<QuotaRow> Quotas)
{
    /// <summary>The gap report behind the gap list (page only).</summary>
    [JsonIgnore]
    public Storage.Coverage.GapReport? Gaps { get; init; }

    /// <summary>The filters the numbers were counted under (page only).</summary>
    [JsonIgnore]
    public Filters Filters { get; init; } = new();
}
