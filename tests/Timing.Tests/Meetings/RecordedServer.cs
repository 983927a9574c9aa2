using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Timing.Tests.Meetings;

/// <summary>
/// A small HTTP server on loopback (HttpListener) that serves recorded responses: a body with an ETag and
/// Last-Modified (answering 304 to a matching If-None-Match), or a status with Retry-After. Tests change
/// what it answers while it runs, and read which requests came in.
/// </summary>
public sealed class RecordedServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, Func<HttpListenerRequest, Answer>> _routes = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public RecordedServer()
    {
        // A free port can be taken by another test before this listener starts: then another port.
        for (var attempt = 1; ; attempt++)
        {
            Port = TestPaths.FreePort();
            _listener = new HttpListener();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                _listener.Close();
            }
        }
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    /// <summary>Every request as it came in: path and query, its If-None-Match, and when it arrived.</summary>
    public ConcurrentQueue<(string Path, string? IfNoneMatch, DateTimeOffset At)> Requests { get; } = new();

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    /// <summary>What the server answers on one path.</summary>
    /// <param name="Bytes">A body sent as it is (a gzip, say), instead of <paramref name="Body"/>.</param>
    /// <param name="Headers">More response headers (Location, Content-Encoding …).</param>
    public sealed record Answer(int Status, string Body = "", string ContentType = "text/plain", string? ETag = null, string? RetryAfter = null,
        byte[]? Bytes = null, IReadOnlyDictionary<string, string>? Headers = null);

    /// <summary>Serves a body with a strong ETag of its content; a request with that ETag gets 304.</summary>
    public void Serve(string path, string body, string contentType)
    {
        var etag = "\"" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)), 0, 8) + "\"";
        _routes[path] = request => request.Headers["If-None-Match"] == etag
            ? new Answer(304, ETag: etag)
            : new Answer(200, body, contentType, etag);
    }

    /// <summary>Answers a path by a function of the request (for paged APIs that differ by query).</summary>
    public void Route(string path, Func<HttpListenerRequest, Answer> answer) => _routes[path] = answer;

    public void Fail(string path, int status, string? retryAfter = null) => _routes[path] = _ => new Answer(status, "unavailable", RetryAfter: retryAfter);

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue((context.Request.Url.PathAndQuery, context.Request.Headers["If-None-Match"], DateTimeOffset.UtcNow));
            var answer = _routes.TryGetValue(path, out var route) ? route(context.Request) : new Answer(404, "not found");
            context.Response.StatusCode = answer.Status;
            if (answer.ETag is not null)
            {
                context.Response.Headers["ETag"] = answer.ETag;
            }
            if (answer.RetryAfter is not null)
            {
                context.Response.Headers["Retry-After"] = answer.RetryAfter;
            }
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }
            var bytes = answer.Bytes ?? Encoding.UTF8.GetBytes(answer.Status == 304 ? "" : answer.Body);
            context.Response.ContentType = answer.ContentType;
            if (bytes.Length > 0)
            {
                try
                {
                    await context.Response.OutputStream.WriteAsync(bytes);
                }
                catch (HttpListenerException)
                {
                    // The reader stopped early (a body over its limit): nothing more to send.
                }
            }
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
