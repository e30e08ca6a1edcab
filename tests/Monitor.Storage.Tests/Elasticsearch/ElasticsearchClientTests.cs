using System.Net;
using Monitor.Storage.Elasticsearch;
using Monitor.Storage.Tests.Support;

namespace Monitor.Storage.Tests.Elasticsearch;

/// <summary>The client's handling of a cluster that fails, answered by a loopback HTTP listener standing in for
/// Elasticsearch (a fake of something outside the machine: it proves error handling, not query answers), and the
/// checks on the settings.</summary>
public sealed class ElasticsearchClientTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task An_error_answer_names_the_request_the_status_and_elasticsearchs_reason()
    {
        await using var server = LoopbackServer.Start((_, _, _) => (400, """{"error":{"type":"illegal_argument_exception","reason":"field [outlet] is not aggregatable"},"status":400}"""));
        var client = Client(server.Url);

        var e = await Assert.ThrowsAsync<ElasticsearchException>(() => client.SearchAsync("monitor-tags", new System.Text.Json.Nodes.JsonObject(), Ct));

        Assert.Equal(HttpStatusCode.BadRequest, e.Status);
        Assert.Equal($"Elasticsearch trả lỗi HTTP 400 cho POST {server.Url}monitor-tags/_search: illegal_argument_exception: field [outlet] is not aggregatable", e.Message);
    }

    [Fact]
    public async Task A_cluster_that_does_not_answer_in_time_is_unavailable_not_a_hang()
    {
        await using var server = LoopbackServer.Start((_, _, _) => (200, "{}"), delay: TimeSpan.FromSeconds(30));
        var client = Client(server.Url);

        var e = await Assert.ThrowsAsync<ElasticsearchUnavailableException>(() => client.PingAsync(TimeSpan.FromMilliseconds(300), Ct));

        Assert.StartsWith("Elasticsearch không trả lời GET ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_port_is_unavailable_with_the_address_in_the_message()
    {
        var port = LoopbackServer.FreePort();
        var client = Client($"http://127.0.0.1:{port}/");

        var e = await Assert.ThrowsAsync<ElasticsearchUnavailableException>(() => client.PingAsync(TimeSpan.FromSeconds(5), Ct));

        Assert.Contains($"127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_key_goes_in_the_authorization_header_and_the_version_is_read_from_the_root()
    {
        await using var server = LoopbackServer.Start((_, _, _) => (200, """{"name":"n1","version":{"number":"8.15.3"}}"""));
        var client = new ElasticsearchClient(new HttpClient(), new ElasticsearchOptions { Url = server.Url, ApiKey = "aWQ6a2V5" });

        Assert.Equal("8.15.3", await client.PingAsync(TimeSpan.FromSeconds(5), Ct));
        Assert.Equal("ApiKey aWQ6a2V5", server.Authorization);
    }

    [Theory]
    [InlineData("localhost:9200", "Monitor:Elasticsearch:Url 'localhost:9200' không phải địa chỉ http(s)://HOST:PORT của Elasticsearch (ví dụ http://localhost:9200)")]
    [InlineData("ftp://es:9200", "Monitor:Elasticsearch:Url 'ftp://es:9200' không phải địa chỉ http(s)://HOST:PORT của Elasticsearch (ví dụ http://localhost:9200)")]
    [InlineData("http://u:p@es:9200", "Monitor:Elasticsearch:Url không được chứa tên đăng nhập hay mật khẩu: dùng Monitor:Elasticsearch:Username/Password hoặc Monitor:Elasticsearch:ApiKey")]
    public void A_bad_url_is_one_line_naming_the_setting_and_its_value(string url, string expected)
    {
        Assert.Equal([expected], new ElasticsearchOptions { Url = url }.Validate());
    }

    [Fact]
    public void Every_wrong_setting_is_reported_and_good_ones_pass()
    {
        var failures = new ElasticsearchOptions { Url = "http://es:9200", IndexPrefix = "Monitor ", TimeoutSeconds = 0, Username = "elastic" }.Validate();

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Monitor:Elasticsearch:IndexPrefix 'Monitor '", StringComparison.Ordinal));
        Assert.Contains("Monitor:Elasticsearch:TimeoutSeconds = 0 phải từ 1 đến 600", failures);
        Assert.Contains("Monitor:Elasticsearch:Username và Monitor:Elasticsearch:Password phải đặt cùng nhau", failures);
        Assert.Empty(new ElasticsearchOptions { Url = "https://es.internal:9243", Username = "elastic", Password = "x" }.Validate());
        Assert.Throws<ElasticsearchOptionsException>(() => new ElasticsearchClient(new HttpClient(), new ElasticsearchOptions { Url = "es" }));
    }

    private static ElasticsearchClient Client(string url) => new(new HttpClient(), new ElasticsearchOptions { Url = url, TimeoutSeconds = 5 });
}
