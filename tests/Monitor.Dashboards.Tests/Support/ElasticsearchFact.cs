namespace Monitor.Dashboards.Tests.Support;

/// <summary>A test that needs a real Elasticsearch: none can run on these machines, so it is skipped with the reason
/// unless <c>MONITOR_ELASTICSEARCH_URL</c> (optionally <c>MONITOR_ELASTICSEARCH_API_KEY</c>) names one.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ElasticsearchFactAttribute : FactAttribute
{
    public static string? Url => Environment.GetEnvironmentVariable("MONITOR_ELASTICSEARCH_URL") is { Length: > 0 } url ? url : null;

    public ElasticsearchFactAttribute() =>
        Skip = Url is null ? "needs a real Elasticsearch cluster: set MONITOR_ELASTICSEARCH_URL (none can run on this machine)" : null;
}
