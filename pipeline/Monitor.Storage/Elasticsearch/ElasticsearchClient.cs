using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Monitor.Storage.Elasticsearch;

/// <summary>The few REST endpoints of Elasticsearch the store uses, over one HttpClient and System.Text.Json (no client
/// library restores here, PACKAGES.md). Every failure is an exception naming the request: the cluster did not answer
/// (<see cref="ElasticsearchUnavailableException"/>) or answered with an error (<see cref="ElasticsearchException"/>).</summary>
public sealed class ElasticsearchClient
{
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    /// <param name="http">Its base address, timeout and headers are set here from <paramref name="options"/>.</param>
    public ElasticsearchClient(HttpClient http, ElasticsearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } failures)
        {
            throw new ElasticsearchOptionsException(failures);
        }

        _http = http;
        _http.BaseAddress = new Uri(options.Url.TrimEnd('/') + "/");
        // The client's own timeout is off: each request gets its own deadline, so a timeout can be told from a cancellation.
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        Options = options;
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", options.ApiKey);
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Username + ":" + options.Password));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
    }

    public ElasticsearchOptions Options { get; }

    /// <summary>Sends a JSON request and returns the JSON answer (null for an empty body, as HEAD gives).</summary>
    /// <param name="allowed">Error statuses that are an answer, not a failure (404 for "does the index exist").</param>
    public Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct, params HttpStatusCode[] allowed) =>
        SendAsync(method, path, body?.ToJsonString(), "application/json", _timeout, ct, allowed);

    /// <summary>POST /_bulk with newline-delimited actions and documents.</summary>
    public async Task<JsonNode> BulkAsync(string ndjson, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Post, "_bulk", ndjson, "application/x-ndjson", _timeout, ct)).Body
        ?? throw new ElasticsearchException(HttpStatusCode.OK, "POST _bulk", "empty_response", "câu trả lời rỗng");

    /// <summary>POST {index}/_search and the answer.</summary>
    public async Task<JsonNode> SearchAsync(string index, JsonNode query, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Post, index + "/_search", query, ct)).Body
        ?? throw new ElasticsearchException(HttpStatusCode.OK, $"POST {index}/_search", "empty_response", "câu trả lời rỗng");

    /// <summary>GET / within <paramref name="within"/>: the cluster's version, or an unavailable error that says why.</summary>
    public async Task<string> PingAsync(TimeSpan within, CancellationToken ct)
    {
        var (_, body) = await SendAsync(HttpMethod.Get, "", null, "application/json", within, ct);
        return body?["version"]?["number"]?.GetValue<string>() ?? "?";
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? body, string contentType, TimeSpan timeout,
        CancellationToken ct, params HttpStatusCode[] allowed)
    {
        var what = $"{method} {_http.BaseAddress}{path}";
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
            request.Content.Headers.ContentType!.CharSet = null;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        HttpResponseMessage response;
        string text;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            text = await response.Content.ReadAsStringAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ElasticsearchUnavailableException($"Elasticsearch không trả lời {what} sau {timeout.TotalSeconds:0.#} giây");
        }
        catch (HttpRequestException e)
        {
            throw new ElasticsearchUnavailableException($"không kết nối được Elasticsearch ({what}): {e.Message}", e);
        }

        using (response)
        {
            var json = ParseOrNull(text);
            if (response.IsSuccessStatusCode || allowed.Contains(response.StatusCode))
            {
                return (response.StatusCode, json);
            }

            // Errors come as {"error":{"type","reason",...},"status"}; a proxy in front may answer with anything.
            var error = json?["error"];
            var type = error is JsonObject ? error["type"]?.GetValue<string>() ?? "error" : "http_error";
            var reason = error is JsonObject ? error["reason"]?.GetValue<string>() ?? "" : error?.ToString() ?? Truncate(text);
            throw new ElasticsearchException(response.StatusCode, what, type, reason);
        }
    }

    private static JsonNode? ParseOrNull(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

/// <summary>Elasticsearch answered a request with an error status.</summary>
public sealed class ElasticsearchException(HttpStatusCode status, string request, string type, string reason)
    : Exception($"Elasticsearch trả lỗi HTTP {(int)status} cho {request}: {type}" + (reason.Length > 0 ? ": " + reason : " (không có nội dung)"))
{
    public HttpStatusCode Status { get; } = status;

    public string ErrorType { get; } = type;

    public string Reason { get; } = reason;
}

/// <summary>Elasticsearch could not be reached, or did not answer in time.</summary>
public sealed class ElasticsearchUnavailableException : Exception
{
    public ElasticsearchUnavailableException(string message)
        : base(message)
    {
    }

    public ElasticsearchUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
