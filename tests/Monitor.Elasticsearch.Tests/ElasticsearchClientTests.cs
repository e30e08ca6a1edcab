using Monitor.Elasticsearch.Tests.Support;

namespace Monitor.Elasticsearch.Tests;

/// <summary>How the store reports a cluster that fails: an error answer (in memory, in the REST specification's error
/// shape), and, over real HTTP on 127.0.0.1, a cluster that does not answer in time, a closed port, the API key header;
/// and the checks on the settings.</summary>
public sealed class ElasticsearchClientTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task An_error_answer_names_the_request_the_status_and_elasticsearchs_reason()
    {
        var cluster = new ScriptedCluster(_ => (400, """
            {"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"field [outlet] is not aggregatable"}],"type":"search_phase_execution_exception","reason":"all shards failed","phase":"query","grouped":true,"failed_shards":[],"caused_by":{"type":"illegal_argument_exception","reason":"field [outlet] is not aggregatable"}},"status":400}
            """));
        var store = new ElasticsearchCoverageStore(cluster.Connect(), null!);

        var e = await Assert.ThrowsAsync<ElasticsearchException>(() => store.EventsAsync(
            new Storage.Plans.StoredPlan("w46", 1, DateTimeOffset.UnixEpoch, CoverageFixture.Plan()), 3, Ct));

        Assert.Equal(400, e.Status);
        Assert.Equal("Elasticsearch trả lỗi HTTP 400 cho POST http://127.0.0.1:9200/t-tags/_search: search_phase_execution_exception: all shards failed", e.Message);
    }

    [Fact]
    public async Task A_cluster_that_does_not_answer_in_time_is_unavailable_not_a_hang()
    {
        await using var server = LoopbackServer.Start((_, _, _) => (200, "{}"), delay: TimeSpan.FromSeconds(30));

        var e = await Assert.ThrowsAsync<ElasticsearchUnavailableException>(() => Connect(server.Url).PingAsync(TimeSpan.FromMilliseconds(300), Ct));

        Assert.StartsWith("Elasticsearch không trả lời GET ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_port_is_unavailable_with_the_address_in_the_message()
    {
        var port = LoopbackServer.FreePort();

        var e = await Assert.ThrowsAsync<ElasticsearchUnavailableException>(() => Connect($"http://127.0.0.1:{port}/").PingAsync(TimeSpan.FromSeconds(5), Ct));

        Assert.StartsWith($"không kết nối được Elasticsearch (GET http://127.0.0.1:{port}/)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_key_goes_in_the_authorization_header_and_the_version_is_read_from_the_root()
    {
        await using var server = LoopbackServer.Start((_, _, _) => (200, """
            {"name":"n1","cluster_name":"monitor","cluster_uuid":"x","version":{"number":"9.2.1","build_flavor":"default","build_type":"docker","build_hash":"h","build_date":"2025-11-01T00:00:00Z","build_snapshot":false,"lucene_version":"10.3.1","minimum_wire_compatibility_version":"8.19.0","minimum_index_compatibility_version":"8.0.0"},"tagline":"You Know, for Search"}
            """));
        var connection = new ElasticsearchConnection(new ElasticsearchOptions { Url = server.Url, ApiKey = "aWQ6a2V5" });

        Assert.Equal("9.2.1", await connection.PingAsync(TimeSpan.FromSeconds(5), Ct));
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
        Assert.Equal(2, Assert.Throws<ElasticsearchOptionsException>(() => new ElasticsearchConnection(new ElasticsearchOptions { Url = "es", TimeoutSeconds = 0 })).Message.Split(Environment.NewLine).Length);
    }

    private static ElasticsearchConnection Connect(string url) => new(new ElasticsearchOptions { Url = url, TimeoutSeconds = 5 });
}
