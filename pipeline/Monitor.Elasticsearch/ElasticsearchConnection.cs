using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Serialization;
using Elastic.Transport;

namespace Monitor.Elasticsearch;

/// <summary>The official client configured from <see cref="ElasticsearchOptions"/>, and the names of the two indices.
/// Documents are written and read in snake_case (<c>article_id</c>, <c>fetched_at</c>), the field names the mappings,
/// the queries and Kibana use.</summary>
public sealed class ElasticsearchConnection
{
    /// <param name="invoker">The transport's request invoker; tests pass an in-memory one, the product the default (HTTP).</param>
    public ElasticsearchConnection(ElasticsearchOptions options, IRequestInvoker? invoker = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } failures)
        {
            throw new ElasticsearchOptionsException(failures);
        }

        Options = options;
        var pool = new SingleNodePool(new Uri(options.Url));
        var settings = new ElasticsearchClientSettings(pool, invoker ?? new HttpRequestInvoker(), (_, s) => new DefaultSourceSerializer(s, Snake))
            .DefaultFieldNameInferrer(JsonNamingPolicy.SnakeCaseLower.ConvertName)
            .RequestTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds))
            // One node, no sniffing: a failure is reported at once rather than retried against the same node.
            .MaximumRetries(0);
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            settings.Authentication(new ApiKey(options.ApiKey));
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            settings.Authentication(new BasicAuthentication(options.Username, options.Password ?? ""));
        }

        Client = new ElasticsearchClient(settings);
        Articles = options.IndexPrefix + "articles";
        Tags = options.IndexPrefix + "tags";
    }

    public ElasticsearchOptions Options { get; }

    public ElasticsearchClient Client { get; }

    /// <summary>One document per article, <c>_id</c> = article id.</summary>
    public string Articles { get; }

    /// <summary>One document per article, plan and theme, <c>_id</c> = <c>article|plan|theme</c>.</summary>
    public string Tags { get; }

    /// <summary>GET / within <paramref name="within"/>: the cluster's version, or an unavailable error that says why.</summary>
    public async Task<string> PingAsync(TimeSpan within, CancellationToken ct)
    {
        var info = await Client.InfoAsync(new InfoRequest { RequestConfiguration = new RequestConfiguration { RequestTimeout = within } }, ct);
        return info.Checked("GET /").Version?.Number ?? "?";
    }

    private static void Snake(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
    }
}
