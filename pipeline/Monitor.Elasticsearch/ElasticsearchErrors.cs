using Elastic.Transport.Products.Elasticsearch;

namespace Monitor.Elasticsearch;

/// <summary>Elasticsearch answered a request with an error status.</summary>
public sealed class ElasticsearchException(int status, string request, string type, string reason)
    : Exception($"Elasticsearch trả lỗi HTTP {status} cho {request}: {type}" + (reason.Length > 0 ? ": " + reason : " (không có nội dung)"))
{
    public int Status { get; } = status;

    public string ErrorType { get; } = type;

    public string Reason { get; } = reason;
}

/// <summary>Elasticsearch could not be reached, or did not answer in time.</summary>
public sealed class ElasticsearchUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One item of a _bulk request that Elasticsearch refused.</summary>
public sealed record BulkFailure(string ArticleId, string Index, string DocumentId, int Status, string Type, string Reason)
{
    public override string ToString() => $"bài {ArticleId}: {Index}/{DocumentId} bị từ chối (HTTP {Status}) {Type}: {Reason}";
}

/// <summary>Some items of a _bulk request failed; the message has one line per failed item naming the article and the reason.</summary>
public sealed class ElasticsearchBulkException(IReadOnlyList<BulkFailure> failures)
    : Exception($"Elasticsearch từ chối {failures.Count} mục khi ghi:" + Environment.NewLine + string.Join(Environment.NewLine, failures))
{
    public IReadOnlyList<BulkFailure> Failures { get; } = failures;
}

/// <summary>Turns a response of the official client into the store's two failures: the cluster was not reached (no
/// status: refused, timed out, name not resolved) or it answered with an error (status, type and reason).</summary>
internal static class Responses
{
    /// <summary>The response when it is valid (or its status is one of <paramref name="allowed"/>); otherwise throws.</summary>
    public static T Checked<T>(this T response, string what, params int[] allowed)
        where T : ElasticsearchResponse
    {
        var details = response.ApiCallDetails;
        var status = details?.HttpStatusCode;
        if (response.IsValidResponse || (status is { } s && allowed.Contains(s)))
        {
            return response;
        }

        var request = $"{details?.HttpMethod} {details?.Uri?.GetLeftPart(UriPartial.Path) ?? what}";
        if (status is null)
        {
            var cause = Innermost(details?.OriginalException);
            throw cause is TimeoutException or TaskCanceledException or OperationCanceledException
                ? new ElasticsearchUnavailableException($"Elasticsearch không trả lời {request} kịp thời hạn", details?.OriginalException)
                : new ElasticsearchUnavailableException($"không kết nối được Elasticsearch ({request}): {cause?.Message ?? "không có câu trả lời"}", details?.OriginalException);
        }

        // Errors come as {"error":{"type","reason",...},"status"}; a proxy in front may answer with anything.
        var error = response.ElasticsearchServerError?.Error;
        throw new ElasticsearchException(status.Value, request, error?.Type ?? "http_error", error?.Reason ?? "");
    }

    private static Exception? Innermost(Exception? e)
    {
        while (e?.InnerException is not null && e is not TimeoutException)
        {
            e = e.InnerException;
        }

        return e;
    }
}
