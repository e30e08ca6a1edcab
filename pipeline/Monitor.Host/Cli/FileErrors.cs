using System.Text.RegularExpressions;

namespace Monitor.Host.Cli;

/// <summary>The runtime's file errors in the users' words: .NET's messages ("Could not find file '…'.") are English,
/// and a CLI message is Vietnamese and names the input.</summary>
internal static partial class FileErrors
{
    /// <summary>The whole message of an error that stops a command: the path, then what is wrong with it.</summary>
    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException f => $"{f.FileName ?? QuotedPath(f.Message) ?? "?"}: không có tệp này",
        DirectoryNotFoundException d => $"{QuotedPath(d.Message) ?? "?"}: không có thư mục này",
        _ => e.Message,
    };

    /// <summary>What is wrong with a file whose path the caller names already.</summary>
    public static string Reason(Exception e) => e switch
    {
        FileNotFoundException => "không có tệp này",
        DirectoryNotFoundException => "không có thư mục chứa tệp này",
        UnauthorizedAccessException => "không có quyền đọc tệp này",
        _ => e.Message,
    };

    private static string? QuotedPath(string message) => Quoted().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
