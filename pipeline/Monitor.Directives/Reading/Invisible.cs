using System.Text.RegularExpressions;

namespace Monitor.Directives.Reading;

/// <summary>Characters that change how text looks or reads without being seen: bidirectional embeddings, overrides
/// and isolates (which can make a title display reversed), zero-width spaces and joiners, the soft hyphen, a stray
/// byte-order mark. A directive's titles and keywords must not carry them: a keyword with a zero-width space inside
/// never matches an article.</summary>
internal static partial class Invisible
{
    public static string Remove(string text) => Characters().Replace(text, "");

    [GeneratedRegex("[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]", RegexOptions.None, matchTimeoutMilliseconds: 10_000)]
    private static partial Regex Characters();
}
