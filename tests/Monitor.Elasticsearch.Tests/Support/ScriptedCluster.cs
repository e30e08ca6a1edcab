using System.Text;
using Elastic.Transport;

namespace Monitor.Elasticsearch.Tests.Support;

/// <summary>The official client's transport answered in memory: each request (method, path and query, body) gets the
/// status and JSON body a handler gives, turned into the client's response by Elastic.Transport's own
/// <see cref="InMemoryRequestInvoker"/>, so the client parses them exactly as it parses a cluster's. The answers are
/// written after the Elasticsearch REST specification's shapes; they prove the requests and the reading of answers,
/// never that a cluster would answer so (only the contract suite against a real cluster does).</summary>
internal sealed class ScriptedCluster : IRequestInvoker
{
    private readonly Func<Received, (int Status, string Body)> _answer;
    private readonly InMemoryRequestInvoker _builder = new();
    private readonly List<Received> _requests = [];
    private const string ContentType = "application/vnd.elasticsearch+json;compatible-with=9";
    private ITransportConfiguration? _settings;

    public ScriptedCluster(Func<Received, (int Status, string Body)> answer) => _answer = answer;

    /// <summary>A request as the cluster would receive it.</summary>
    public sealed record Received(string Method, string Path, string Body);

    public ResponseFactory ResponseFactory => _builder.ResponseFactory;

    /// <summary>Every request received so far.</summary>
    public IReadOnlyList<Received> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>A connection over this cluster (index prefix "t-").</summary>
    public ElasticsearchConnection Connect(ElasticsearchOptions? options = null)
    {
        var connection = new ElasticsearchConnection(options ?? new ElasticsearchOptions { Url = "http://127.0.0.1:9200", IndexPrefix = "t-" }, this);
        _settings = connection.Client.ElasticsearchClientSettings;
        return connection;
    }

    public async Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new()
    {
        var body = "";
        if (postData is not null)
        {
            using var stream = new MemoryStream();
            await postData.WriteAsync(stream, _settings!, disableDirectStreaming: true, cancellationToken);
            body = Encoding.UTF8.GetString(stream.ToArray());
        }

        var request = new Received(endpoint.Method.ToString().ToUpperInvariant(), "/" + endpoint.PathAndQuery.TrimStart('/'), body);
        lock (_requests)
        {
            _requests.Add(request);
        }

        var (status, answer) = _answer(request);
        // One in-memory invoker per answer, in the media type the request accepts (as a cluster answers); every answer carries the product header a real cluster sends (the client
        // refuses answers without it).
        using var once = new InMemoryRequestInvoker(Encoding.UTF8.GetBytes(answer), status, null, boundConfiguration.Accept ?? ContentType,
            new Dictionary<string, IEnumerable<string>> { ["x-elastic-product"] = ["Elasticsearch"] });
        return await once.RequestAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken);
    }

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new() =>
        RequestAsync<TResponse>(endpoint, boundConfiguration, postData, CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose() => ((IDisposable)_builder).Dispose();
}
