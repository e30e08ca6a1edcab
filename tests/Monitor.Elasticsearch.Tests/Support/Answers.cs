namespace Monitor.Elasticsearch.Tests.Support;

/// <summary>Answers in the shapes the Elasticsearch REST specification gives (search with <c>typed_keys</c>, so an
/// aggregation is named <c>composite#c</c>; bulk items under their action with status, result or error).</summary>
internal static class Answers
{
    public static string Composite(IEnumerable<string> buckets, string? afterKey = null) =>
        """{"took":2,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"max_score":null,"hits":[]},"aggregations":{"composite#c":{"""
        + (afterKey is null ? "" : $"\"after_key\":{afterKey},") + "\"buckets\":[" + string.Join(",", buckets) + "]}}}";

    public static string Bucket(string theme, long day, string outlet, int count) =>
        "{\"key\":{\"theme_code\":\"" + theme + "\",\"day\":" + day.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"outlet\":\"" + outlet + "\"},\"doc_count\":" + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";

    /// <summary>A _bulk answer; <paramref name="items"/> are whole items such as <see cref="Indexed"/> or <see cref="Refused"/>.</summary>
    public static string Bulk(IReadOnlyCollection<string> items) =>
        $$"""{"took":30,"errors":{{(items.Any(i => i.Contains("\"error\"", StringComparison.Ordinal)) ? "true" : "false")}},"items":[{{string.Join(",", items)}}]}""";

    public static string Indexed(string index, string id, string result = "created", int status = 201) =>
        "{\"index\":{\"_index\":\"" + index + "\",\"_id\":\"" + id + "\",\"_version\":1731376800000,\"result\":\"" + result
            + "\",\"_shards\":{\"total\":2,\"successful\":1,\"failed\":0},\"_seq_no\":0,\"_primary_term\":1,\"status\":" + status.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}";

    public static string Refused(string index, string id, int status, string type, string reason) =>
        "{\"index\":{\"_index\":\"" + index + "\",\"_id\":\"" + id + "\",\"status\":" + status.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"error\":{\"type\":\"" + type + "\",\"reason\":\"" + reason
            + "\",\"index_uuid\":\"aAsFqTI0Tc2W0LCWgPNrOA\",\"shard\":\"0\",\"index\":\"" + index + "\"}}}";

    /// <summary>A composite bucket keyed by text fields only, with its document count.</summary>
    public static string Keyed(int count, params (string Field, string Value)[] key) =>
        "{\"key\":{" + string.Join(",", key.Select(k => "\"" + k.Field + "\":\"" + k.Value + "\"")) + "},\"doc_count\":" + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";

    /// <summary>A search answer with these hits (each a document id and its source, JSON), in the order given.</summary>
    public static string Hits(string index, params (string Id, string Source)[] hits) =>
        """{"took":3,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"max_score":null,"hits":["""
        + string.Join(",", hits.Select(h => "{\"_index\":\"" + index + "\",\"_id\":\"" + h.Id + "\",\"_score\":null,\"_source\":" + h.Source + "}")) + "]}}";
}
