using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitor.Core.References;

/// <summary>Finds legal and party document numbers in any text (directives, articles) and normalises each one to a
/// single canonical form, so that "155KH/TU", "155-KH/TU" and "155 - KH / TU" meet as one key.</summary>
public static partial class DocumentReferenceExtractor
{
    // One pattern for the three shapes. The party shape accepts a glued type ("155KH/TU") or a dash with stray
    // spaces ("4890 -CV/BCSD") because OCR and hurried typing produce both; a bare space is not enough, or
    // "năm 2024 TW/..." would read as a number. Look-arounds keep dates, "COVID-19" and "VTV8" out.
    [GeneratedRegex(
        """
        (?<![\p{L}\p{Nd}/.\-])(?<num>\p{Nd}{1,5})
        (?:
           (?:[ \t]?-[ \t]?|)(?<ptype>[A-ZĐ][A-Za-zĐđ]{0,4})[ \t]?/[ \t]?(?<piss>[A-ZĐ][A-Za-zĐđ]{1,9})
         | [ \t]?/[ \t]?(?:(?<year>(?:19|20)\p{Nd}{2})[ \t]?/[ \t]?)?(?<atype>[A-ZĐ][A-Za-zĐđ]{0,6})(?:[ \t]?-[ \t]?(?<aiss>[A-ZĐ][A-Za-zĐđ0-9]{0,11}))?
        )
        (?![\p{L}\p{Nd}])
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NumberPattern();

    /// <summary>Every document number in the text, in order of appearance.</summary>
    public static IReadOnlyList<DocumentNumberMatch> FindNumbers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('/'))
        {
            return [];   // every shape has a '/': one vectorised search spares most texts the pattern
        }

        var found = new List<DocumentNumberMatch>();
        for (var m = NumberPattern().Match(text); m.Success; m = m.NextMatch())
        {
            if (ToMatch(m) is { } match)
            {
                found.Add(match);
            }
        }

        return found;
    }

    /// <summary>The canonical form of one number as written, or null when it is not a document number.</summary>
    public static string? Normalize(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var m = NumberPattern().Match(written.Trim());
        return m.Success && m.Index == 0 && m.Length == written.Trim().Length ? ToMatch(m)?.Number : null;
    }

    private static DocumentNumberMatch? ToMatch(Match m)
    {
        var num = Digits(m.Groups["num"].Value);
        if (m.Groups["ptype"].Success)
        {
            var type = Canonical(m.Groups["ptype"].Value);
            var issuer = Canonical(m.Groups["piss"].Value);
            return new DocumentNumberMatch($"{num}-{type}/{issuer}", DocumentKind.Party, type, issuer, null, m.Index, m.Length);
        }

        var atype = Canonical(m.Groups["atype"].Value);
        var aiss = m.Groups["aiss"].Success ? Canonical(m.Groups["aiss"].Value) : "";
        if (m.Groups["year"].Success)
        {
            var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            var number = aiss.Length > 0 ? $"{num}/{year}/{atype}-{aiss}" : $"{num}/{year}/{atype}";
            return new DocumentNumberMatch(number, DocumentKind.Normative, atype, aiss, year, m.Index, m.Length);
        }

        // "12/UBND" alone is too often a fraction or a page mark to count as a document.
        return aiss.Length == 0
            ? null
            : new DocumentNumberMatch($"{num}/{atype}-{aiss}", DocumentKind.Administrative, atype, aiss, null, m.Index, m.Length);
    }

    // Official numbering pads to two digits ("09/2017/NĐ-CP", "05-CT/TW"); "9" and "009" are the same document.
    private static string Digits(string value)
    {
        var trimmed = value.TrimStart('0');
        return trimmed.Length switch
        {
            0 => "00",
            1 => "0" + trimmed,
            _ => trimmed,
        };
    }

    // Typing without a Vietnamese keyboard (and OCR) turns Đ into D; these codes only ever mean the Đ form.
    private static string Canonical(string code) => code switch
    {
        "ND" or "Nd" => "NĐ",
        "QD" or "Qd" => "QĐ",
        "HDND" => "HĐND",
        "QDi" => "QĐi",
        _ => code,
    };
}
