namespace Monitor.Core.References;

/// <summary>How a Vietnamese document number is built, which tells who issued it.</summary>
public enum DocumentKind
{
    /// <summary>Party documents, no year: 30-CT/TW, 262-KH/TU.</summary>
    Party,

    /// <summary>State administrative documents: 3929/KH-UBND, 334/QĐ-TTg.</summary>
    Administrative,

    /// <summary>Normative documents with the year: 24/2024/NĐ-CP.</summary>
    Normative,
}

/// <summary>A document number found in a text: the canonical number and where it stands in the original.</summary>
/// <param name="Number">Canonical form: "30-CT/TW", "3929/KH-UBND", "24/2024/NĐ-CP".</param>
/// <param name="Kind">Party, administrative or normative shape.</param>
/// <param name="TypeCode">The type part as canonicalised ("KH", "NĐ"); for "3908/UBND-KGVX" it is "UBND".</param>
/// <param name="Issuer">The issuer part ("TW", "UBND", "CP").</param>
/// <param name="Year">The year of a normative number, else null.</param>
/// <param name="Start">Offset of the match in the original text.</param>
/// <param name="Length">Length of the match in the original text.</param>
public readonly record struct DocumentNumberMatch(string Number, DocumentKind Kind, string TypeCode, string Issuer, int? Year, int Start, int Length);

/// <summary>A law named in a text ("Luật Cảnh vệ"), with its place in the original.</summary>
public readonly record struct LawNameMatch(string Name, int Start, int Length);
