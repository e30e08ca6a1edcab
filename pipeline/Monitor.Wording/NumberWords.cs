using System.Globalization;

namespace Monitor.Wording;

/// <summary>Numbers as Vietnamese readers write them: a point between thousands and a comma before decimals
/// ("1.234.567", "0,9", "8,54"). Pages, CLI tables and reports show numbers through here; files meant for machines (CSV,
/// XLSX, JSON, TSV) keep the invariant form.</summary>
public static class NumberWords
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>1.234.567</summary>
    public static string Whole(long n) => n.ToString("N0", Vi);

    /// <summary>A number with decimals in the given .NET custom format ("0.##" → "8,54"; "0.#" → "0,9").</summary>
    public static string Fraction(double value, string format = "0.##") => value.ToString(format, Vi);
}
