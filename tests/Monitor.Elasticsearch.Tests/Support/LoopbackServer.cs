using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Monitor.Elasticsearch.Tests.Support;

/// <summary>An HTTP listener on 127.0.0.1 standing in for an Elasticsearch cluster: each request (method, path and
/// query, body) is answered by a handler with a status and a JSON body, after an optional delay. A fake of something
/// outside the machine: it tests how the client reads answers and failures, never whether a query is right.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(string Method, string Path, string Body)> _requests = [];
    private Task _loop = Task.CompletedTask;

    public string Url { get; private init; } = "";

    public string? Authorization { get; private set; }

    /// <summary>Every request received so far.</summary>
    public IReadOnlyList<(string Method, string Path, string Body)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static LoopbackServer Start(Func<string, string, string, (int Status, string Body)> answer, TimeSpan delay = default)
    {
        var server = new LoopbackServer { Url = $"http://127.0.0.1:{FreePort()}/" };
        server._listener.Prefixes.Add(server.Url);
        server._listener.Start();
        server._loop = server.ServeAsync(answer, delay);
        return server;
    }

    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync(Func<string, string, string, (int, string)> answer, TimeSpan delay)
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Authorization = context.Request.Headers["Authorization"];
            try
            {
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync(_stop.Token);
                var path = context.Request.Url!.PathAndQuery;
                lock (_requests)
                {
                    _requests.Add((context.Request.HttpMethod, path, body));
                }

                await Task.Delay(delay, _stop.Token);
                var (status, text) = answer(context.Request.HttpMethod, path, body);
                context.Response.StatusCode = status;
                // As an Elasticsearch 9 node answers: its media type and the product header the client checks.
                context.Response.ContentType = "application/vnd.elasticsearch+json;compatible-with=9";
                context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
                await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(text), _stop.Token);
                context.Response.Close();
            }
            catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                context.Response.Abort();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        await _loop;
        _stop.Dispose();
    }
}
