using System.Globalization;

namespace Monitor.Core.Time;

/// <summary>An ISO 8601 week as a Vietnamese directive counts it ("tuần 46/2024"), in Asia/Ho_Chi_Minh.</summary>
public readonly record struct IsoWeek(int Year, int Week) : IComparable<IsoWeek>
{
    /// <summary>The week a UTC instant falls in, in Vietnam's time zone.</summary>
    public static IsoWeek Of(DateTimeOffset instant) => Of(DateOnly.FromDateTime(VietnamTime.ToLocal(instant).DateTime));

    public static IsoWeek Of(DateOnly day)
    {
        var dt = day.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt));
    }

    /// <summary>Monday of the week.</summary>
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    /// <summary>Sunday of the week.</summary>
    public DateOnly Sunday => Monday.AddDays(6);

    /// <summary>"2024-W46": sortable, used as a key in the store.</summary>
    public override string ToString() => $"{Year:D4}-W{Week:D2}";

    /// <summary>Parses "2024-W46".</summary>
    public static IsoWeek Parse(string value)
    {
        var parts = value.Split("-W");
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var y) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var w)
            || w < 1 || w > ISOWeek.GetWeeksInYear(y))
        {
            throw new FormatException($"not an ISO week (expected like 2024-W46): '{value}'");
        }

        return new IsoWeek(y, w);
    }

    public int CompareTo(IsoWeek other) => Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    public static bool operator <(IsoWeek a, IsoWeek b) => a.CompareTo(b) < 0;
    public static bool operator >(IsoWeek a, IsoWeek b) => a.CompareTo(b) > 0;
    public static bool operator <=(IsoWeek a, IsoWeek b) => a.CompareTo(b) <= 0;
    public static bool operator >=(IsoWeek a, IsoWeek b) => a.CompareTo(b) >= 0;
}
