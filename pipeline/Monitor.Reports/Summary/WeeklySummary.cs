using System.Text.Json.Serialization;

namespace Monitor.Reports.Summary;

/// <summary>The weekly summary of one plan for one ISO week (Asia/Ho_Chi_Minh): every figure read from the store. The
/// JSON names are the contract of issue 12; md, html, docx and pdf render this record and nothing else.</summary>
public sealed record WeeklySummary
{
    [JsonPropertyName("plan")] public required string Plan { get; init; }
    [JsonPropertyName("plan_version")] public required int PlanVersion { get; init; }
    [JsonPropertyName("directive")] public required string Directive { get; init; }
    [JsonPropertyName("week")] public required string Week { get; init; }
    [JsonPropertyName("from")] public required DateOnly From { get; init; }
    [JsonPropertyName("to")] public required DateOnly To { get; init; }
    /// <summary>The day figures are taken up to: Sunday of the week, or today while the week runs.</summary>
    [JsonPropertyName("as_of")] public required DateOnly AsOf { get; init; }
    /// <summary>Distinct articles of the plan's themes published this week, inside their windows.</summary>
    [JsonPropertyName("articles")] public required int Articles { get; init; }
    [JsonPropertyName("articles_previous_week")] public required int ArticlesPreviousWeek { get; init; }
    /// <summary>Themes whose window meets the week.</summary>
    [JsonPropertyName("themes_total")] public required int ThemesTotal { get; init; }
    [JsonPropertyName("themes_covered")] public required IReadOnlyList<string> ThemesCovered { get; init; }
    [JsonPropertyName("themes_uncovered")] public required IReadOnlyList<string> ThemesUncovered { get; init; }
    [JsonPropertyName("single_outlet")] public required IReadOnlyList<string> SingleOutlet { get; init; }
    /// <summary>Outlets that published at least one article of the plan this week, with their distinct articles.</summary>
    [JsonPropertyName("outlets")] public required IReadOnlyList<OutletCount> Outlets { get; init; }
    /// <summary>Articles less the syndicated copies (near-duplicates of an earlier article of the same theme this week).</summary>
    [JsonPropertyName("original_stories")] public required int OriginalStories { get; init; }
    [JsonPropertyName("syndicated_copies")] public required int SyndicatedCopies { get; init; }
    /// <summary>Each theme in force this week, in the plan's order.</summary>
    [JsonPropertyName("themes")] public required IReadOnlyList<ThemeWeek> Themes { get; init; }
    [JsonPropertyName("quotas_behind")] public required IReadOnlyList<QuotaBehind> QuotasBehind { get; init; }
    /// <summary>Notable stories: per theme the one or two most copied (earliest original first).</summary>
    [JsonPropertyName("stories")] public required IReadOnlyList<NotableStory> Stories { get; init; }
    [JsonPropertyName("references")] public required IReadOnlyList<CitedReference> References { get; init; }
    /// <summary>The plan's events and deadlines in the next week.</summary>
    [JsonPropertyName("upcoming")] public required IReadOnlyList<UpcomingItem> Upcoming { get; init; }
    [JsonPropertyName("sources_attention")] public required IReadOnlyList<SourceAttention> SourcesAttention { get; init; }
    [JsonPropertyName("recommendations")] public required IReadOnlyList<string> Recommendations { get; init; }
    /// <summary>A narrative paragraph written by the language model from these facts, when one is configured and its
    /// answer passed the number check; null otherwise.</summary>
    [JsonPropertyName("narrative")] public string? Narrative { get; init; }
}

/// <summary>An outlet and its articles.</summary>
public sealed record OutletCount([property: JsonPropertyName("outlet")] string Outlet, [property: JsonPropertyName("articles")] int Articles);

/// <summary>Coverage status of a theme in the week.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ThemeStatus>))]
public enum ThemeStatus
{
    [JsonStringEnumMemberName("covered")] Covered,
    [JsonStringEnumMemberName("single_outlet")] SingleOutlet,
    [JsonStringEnumMemberName("uncovered")] Uncovered,
}

/// <summary>One theme in one week: its articles by outlet and the change against the week before.</summary>
public sealed record ThemeWeek(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] ThemeStatus Status,
    [property: JsonPropertyName("articles")] int Articles,
    [property: JsonPropertyName("articles_previous_week")] int ArticlesPreviousWeek,
    [property: JsonPropertyName("outlets")] IReadOnlyList<OutletCount> Outlets);

/// <summary>A quota behind schedule at the end of the week, worded as the directive words it.</summary>
public sealed record QuotaBehind(
    [property: JsonPropertyName("outlet")] string Outlet,
    [property: JsonPropertyName("theme")] string? Theme,
    [property: JsonPropertyName("quota")] string Quota,
    [property: JsonPropertyName("rate")] string Rate,
    [property: JsonPropertyName("required")] int Required,
    [property: JsonPropertyName("delivered")] int Delivered,
    [property: JsonPropertyName("remaining")] int Remaining);

/// <summary>A story worth reading: its earliest original article and how many outlets ran a copy.</summary>
public sealed record NotableStory(
    [property: JsonPropertyName("theme")] string Theme,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("outlet")] string Outlet,
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("copies")] int Copies);

/// <summary>A document number cited by the week's articles; <see cref="InPlan"/> when the plan rests on it.</summary>
public sealed record CitedReference(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("articles")] int Articles,
    [property: JsonPropertyName("in_plan")] bool InPlan);

/// <summary>Kind of an upcoming item.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UpcomingKind>))]
public enum UpcomingKind
{
    [JsonStringEnumMemberName("event")] Event,
    [JsonStringEnumMemberName("deadline")] Deadline,
}

/// <summary>An event or a report deadline of the plan in the coming week.</summary>
public sealed record UpcomingItem(
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("kind")] UpcomingKind Kind,
    [property: JsonPropertyName("text")] string Text);

/// <summary>An outlet whose sources are broken or silent, so that a gap is not blamed on the outlet.</summary>
public sealed record SourceAttention(
    [property: JsonPropertyName("outlet")] string Outlet,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources);
