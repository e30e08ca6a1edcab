namespace Monitor.Directives;

/// <summary>An input that cannot be read as a directive. The message is one line naming the file and the problem,
/// meant to be printed as is (the CLI exits with code 2).</summary>
public sealed class DirectiveImportException : Monitor.Core.UserErrorException
{
    public DirectiveImportException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
    }

    /// <summary>The file that could not be imported.</summary>
    public string Path { get; }
}
