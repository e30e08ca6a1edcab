namespace Monitor.Host.Cli;

/// <summary>Writes a command's -o file; a path the user cannot write to (a directory, a missing folder, no permission)
/// is one line naming it.</summary>
internal static class OutputFile
{
    public static async Task WriteAsync(string path, string text, CancellationToken ct)
    {
        Check(path, "ke-hoach.yaml");
        try
        {
            await File.WriteAllTextAsync(path, text, ct);
        }
        catch (DirectoryNotFoundException)
        {
            throw new UserInputException($"-o {path}: thư mục chứa tệp không tồn tại");
        }
        catch (UnauthorizedAccessException)
        {
            throw new UserInputException($"-o {path}: không có quyền ghi tệp này");
        }
    }

    /// <summary>Refuses at once an -o that names a directory (before any work is done for it).</summary>
    public static void Check(string path, string example)
    {
        if (Directory.Exists(path))
        {
            throw new UserInputException($"-o {path}: là một thư mục; hãy nêu tên tệp, ví dụ {Path.Combine(path, example)}");
        }
    }

    /// <summary>Runs a writer that makes <paramref name="path"/> itself (the reports' renderers, through a temporary
    /// file): the same one-line refusals as <see cref="WriteAsync(string, string, CancellationToken)"/>.</summary>
    public static async Task WriteAsync(string path, string example, Func<Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Check(path, example);
        try
        {
            await write();
        }
        catch (UnauthorizedAccessException)
        {
            throw new UserInputException($"-o {path}: không có quyền ghi tệp này");
        }
        catch (IOException e)
        {
            throw new UserInputException($"-o {path}: không ghi được tệp ({e.Message})");
        }
    }
}
