using Monitor.Host.Cli;

namespace Monitor.Host.Crawling;

/// <summary>One crawler per data directory: two crawls on one store would fetch every page twice and double the rate
/// at which each host is asked (the per-host gate lives in the process). An exclusive lock on a file in the data
/// directory, released by the operating system when the process ends, even killed.</summary>
internal sealed class CrawlerLock : IDisposable
{
    public const string FileName = "crawl.lock";

    private readonly FileStream _file;

    private CrawlerLock(FileStream file) => _file = file;

    /// <exception cref="UserInputException">another process holds the lock.</exception>
    public static CrawlerLock Acquire(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }

            return new CrawlerLock(file);
        }
        catch (IOException)
        {
            var holder = ReadHolder(path);
            throw new UserInputException($"thư mục dữ liệu {dataDir} đang có một tiến trình thu thập khác chạy{holder}; chờ tiến trình đó xong hoặc dùng --data-dir khác (khóa: {path})");
        }
    }

    private static string ReadHolder(string path)
    {
        try
        {
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd().Trim() is { Length: > 0 } pid ? $" (tiến trình {pid})" : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    public void Dispose() => _file.Dispose();
}
