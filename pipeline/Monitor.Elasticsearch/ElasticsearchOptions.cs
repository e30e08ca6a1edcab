namespace Monitor.Elasticsearch;

/// <summary>Settings of the Elasticsearch store, section <c>Monitor:Elasticsearch</c> (environment:
/// <c>Monitor__Elasticsearch__Url</c>, ...). Without a URL the embedded SQLite store answers.</summary>
public sealed class ElasticsearchOptions
{
    public const string Section = "Monitor:Elasticsearch";

    /// <summary>Base address of the cluster, http(s)://HOST:PORT; empty = not used.</summary>
    public string Url { get; set; } = "";

    /// <summary>An API key (the base64 "id:key" Elasticsearch hands out), sent as <c>Authorization: ApiKey ...</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Basic authentication, when no API key is given.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Prepended to the index names (<c>monitor-articles</c>, <c>monitor-tags</c>), so deployments or tests can share a cluster.</summary>
    public string IndexPrefix { get; set; } = "monitor-";

    /// <summary>How long one request may take before it is an error.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How long the start waits for the cluster to answer before it gives up with an error.</summary>
    public int StartupTimeoutSeconds { get; set; } = 5;

    /// <summary>Articles per _bulk request (each with its tags).</summary>
    public int BulkArticles { get; set; } = 500;

    /// <summary>How often <c>monitor serve</c> feeds newly stored articles into the indices; 0 = never (feed with <c>monitor index</c>).</summary>
    public int FeedIntervalSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>Every wrong setting, one Vietnamese line each naming the setting and its value; empty when all are right.</summary>
    public IReadOnlyList<string> Validate()
    {
        const string S = Section;
        var failures = new List<string>();
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            failures.Add($"{S}:Url '{Url}' không phải địa chỉ http(s)://HOST:PORT của Elasticsearch (ví dụ http://localhost:9200)");
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            failures.Add($"{S}:Url không được chứa tên đăng nhập hay mật khẩu: dùng {S}:Username/Password hoặc {S}:ApiKey");
        }

        if (!string.IsNullOrEmpty(ApiKey) && !string.IsNullOrEmpty(Username))
        {
            failures.Add($"{S}: chỉ đặt một cách xác thực, ApiKey hoặc Username/Password");
        }

        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
        {
            failures.Add($"{S}:Username và {S}:Password phải đặt cùng nhau");
        }

        // Index names: lower case, none of \ / * ? " < > | , # or a space, not starting with - _ +.
        if (IndexPrefix.Length == 0 || IndexPrefix.Any(char.IsUpper) || IndexPrefix.IndexOfAny(['\\', '/', '*', '?', '"', '<', '>', '|', ',', '#', ' ', ':']) >= 0
            || IndexPrefix[0] is '-' or '_' or '+' || IndexPrefix.Length > 200)
        {
            failures.Add($"{S}:IndexPrefix '{IndexPrefix}' không dùng được làm đầu tên chỉ mục: chữ thường, không dấu cách hay \\ / * ? \" < > | , # :, không bắt đầu bằng - _ +");
        }

        if (TimeoutSeconds is < 1 or > 600)
        {
            failures.Add($"{S}:TimeoutSeconds = {TimeoutSeconds} phải từ 1 đến 600");
        }

        if (StartupTimeoutSeconds is < 1 or > 300)
        {
            failures.Add($"{S}:StartupTimeoutSeconds = {StartupTimeoutSeconds} phải từ 1 đến 300");
        }

        if (BulkArticles is < 1 or > 10_000)
        {
            failures.Add($"{S}:BulkArticles = {BulkArticles} phải từ 1 đến 10000");
        }

        if (FeedIntervalSeconds is < 0 or > 86_400)
        {
            failures.Add($"{S}:FeedIntervalSeconds = {FeedIntervalSeconds} phải từ 0 đến 86400");
        }

        return failures;
    }
}

/// <summary>Settings that cannot work; the message is every failure, one per line.</summary>
public sealed class ElasticsearchOptionsException(IReadOnlyList<string> failures) : Monitor.Core.UserErrorException(string.Join(Environment.NewLine, failures))
{
    public IReadOnlyList<string> Failures { get; } = failures;
}
