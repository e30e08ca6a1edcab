namespace Monitor.Lab.Bench;

/// <summary>The bench client's limit on one request, headers and body, that names what timed out: HttpClient's own
/// timeout ends in a bare <see cref="TaskCanceledException"/>, which stopped <c>bench dashboard</c> with exit code 1 and no
/// word of the page.</summary>
public sealed class PageTimeout(TimeSpan limit, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>HttpClient's default, which the bench used before: a page that takes longer is far past any target.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(100);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, timeout.Token);
            // The body too, under the same limit (HttpClient would read it afterwards, with no limit left).
            await response.Content.LoadIntoBufferAsync(timeout.Token);
            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new PageTimeoutException(request.Method.Method, request.RequestUri?.PathAndQuery ?? "", limit);
        }
    }
}

/// <summary>A request of the bench that took longer than <see cref="PageTimeout"/>'s limit.</summary>
public sealed class PageTimeoutException(string method, string path, TimeSpan limit)
    : Exception($"{method} {path} không trả lời trong {limit.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} giây (giới hạn mỗi yêu cầu của bench)")
{
    /// <summary>The path and query asked for.</summary>
    public string Path => path;
}
