using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Monitor.Dashboards.Forms;

/// <summary>The pages' day fields. A native <c>input type=date</c> shows the browser's own format (mm/dd/yyyy in an
/// English browser: 05/11/2024 reads as 5 November to a Vietnamese reader and is 11 May), so days are typed and shown as
/// every page writes them, dd/mm/yyyy, in a text field read here: 31/12/2024, also 31-12-2024, 31.12.2024, 1/2/2025,
/// and the ISO day (2024-12-31) that links, the API and earlier bookmarks carry. A bad day is one Vietnamese line naming
/// the field. No script is needed.</summary>
public static partial class DayField
{
    /// <summary>What a field shows as its placeholder and its hint.</summary>
    public const string Format = "dd/mm/yyyy";

    /// <summary>A text field for a day: its name, the day shown as dd/mm/yyyy (or the text as typed, when it could not be
    /// read), the format as placeholder and hint, and <c>aria-invalid</c> when the page refused it.</summary>
    public static IHtmlContent Input(string name, string? value, string? id = null, string? invalid = null)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.MergeAttribute("type", "text");
        input.MergeAttribute("name", name);
        input.MergeAttribute("value", value is not null && TryParse(value, out var day) ? Wording.Day(day) : value ?? "");
        input.MergeAttribute("placeholder", Format);
        input.MergeAttribute("title", "Ngày/tháng/năm, ví dụ 31/12/2024");
        input.MergeAttribute("autocomplete", "off");
        input.MergeAttribute("size", "10");
        input.AddCssClass("day");
        if (id is not null)
        {
            input.MergeAttribute("id", id);
        }

        if (invalid is not null)
        {
            input.MergeAttribute("aria-invalid", invalid);
        }

        return input;
    }

    public static IHtmlContent Input(string name, DateOnly? value, string? id = null) => Input(name, value is { } d ? Wording.Day(d) : null, id);

    /// <summary>A day as typed: day/month/year with <c>/</c>, <c>-</c> or <c>.</c>, or the ISO day.</summary>
    public static bool TryParse(string text, out DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return true;
        }

        var m = Typed().Match(t);
        return m.Success && DateOnly.TryParseExact($"{m.Groups[1].Value.PadLeft(2, '0')}/{m.Groups[2].Value.PadLeft(2, '0')}/{m.Groups[3].Value}",
            "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    /// <summary>The day of a field, null when it is empty; a text that is not a day is one line naming the field
    /// (<paramref name="label"/>, as the page labels it) and what to write.</summary>
    public static DateOnly? Parse(string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryParse(text, out var day))
        {
            return day;
        }

        var t = text.Trim();
        var shaped = Typed().IsMatch(t) || (t.Length == 10 && t[4] == '-' && t[7] == '-' && t.Remove(7, 1).Remove(4, 1).All(char.IsAsciiDigit));
        throw new FormatException(shaped
            ? $"{label} '{t}': không có ngày này trong lịch"
            : $"{label} '{t}': không đọc được ngày, hãy viết dạng ngày/tháng/năm, ví dụ 31/12/2024");
    }

    /// <summary>The ISO day of a typed day (what a plan's YAML holds), or the text unchanged when it is not one, so the
    /// plan checker names it as typed.</summary>
    public static string? Iso(string? text) =>
        text is not null && TryParse(text, out var day) ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : text;

    [GeneratedRegex(@"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")]
    private static partial Regex Typed();
}
