namespace Monitor.Crawlers;

/// <summary>Error text from fetched content (a 600 KB URL, a parser quoting the page) is cut before it is printed or
/// stored: a warning stays one readable line.</summary>
public static class ErrorText
{
    public const int MaxLength = 500;

    public static string Cap(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = message.ReplaceLineEndings(" ");
        return line.Length <= MaxLength ? line : string.Concat(line.AsSpan(0, MaxLength), $"… (cắt bớt {line.Length - MaxLength:N0} ký tự)");
    }
}
