namespace Monitor.Host.Cli;

/// <summary>Writes a command's -o file; a path the user cannot write to (a directory, a missing folder, no permission)
/// is one line naming it.</summary>
internal static class OutputFile
{
    public static async Task WriteAsync(string path, string text, CancellationToken ct)
    {
        if (Directory.Exists(path))
        {
            throw new UserInputException($"-o {path}: là một thư mục; hãy nêu tên tệp, ví dụ {Path.Combine(path, "ke-hoach.yaml")}");
        }

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
}
