namespace Monitor.Directives.Reading;

/// <summary>What reading one directive may cost. A directive is a few pages to a few dozen: the largest seed is 34 KB
/// of text; these bounds are a hundred times that, and refuse what would otherwise take gigabytes or hours (a .docx
/// whose 408 KB unpack to 400 MB, three million empty paragraphs, two hundred blank scanned pages).</summary>
public static class DirectiveLimits
{
    /// <summary>Largest file read (a scanned PDF of a hundred pages fits).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Largest text a directive may hold, in characters (about 600 pages).</summary>
    public const int MaxTextChars = 2_000_000;

    /// <summary>Largest XML part of a .docx once unpacked (document.xml of a long, heavily formatted directive is
    /// about 1 MB).</summary>
    public const long MaxDocxPartBytes = 16L * 1024 * 1024;

    /// <summary>Largest .docx once unpacked, every part (images included) by its declared size.</summary>
    public const long MaxDocxBytes = 256L * 1024 * 1024;

    /// <summary>Most entries in a .docx.</summary>
    public const int MaxDocxEntries = 2_000;
}
