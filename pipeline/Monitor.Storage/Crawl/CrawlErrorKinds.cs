namespace Monitor.Storage.Crawl;

/// <summary>The kinds of crawl events (<c>crawl_events.kind</c>) as people read them.</summary>
public static class CrawlErrorKinds
{
    public static string Label(string kind) => kind switch
    {
        "http-4xx" => "HTTP 4xx",
        "http-5xx" => "HTTP 5xx",
        "timeout" => "quá thời gian",
        "connection" => "không kết nối",
        "robots" => "robots.txt cấm",
        "too-large" => "trang quá lớn",
        "redirects" => "chuyển hướng",
        "throttled" => "bị giới hạn (429/503)",
        "paused" => "máy chủ tạm dừng",
        "truncated" => "trả lời bị cắt",
        "format" => "feed/sitemap hỏng",
        "refused" => "địa chỉ nội bộ bị từ chối",
        _ => kind,
    };
}
