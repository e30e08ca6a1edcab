namespace Monitor.Core.Articles;

/// <summary>Puts a URL in the one form that names an article: lower-case scheme and host, no default port,
/// no fragment, no tracking parameters, and the desktop page for AMP and mobile variants ("m." and "amp." hosts,
/// an "/amp" path segment, ".amp" before the extension, "?amp" and "outputType=amp").</summary>
public static class CanonicalUrl
{
    private static readonly string[] TrackingPrefixes = ["utm_", "fbclid", "gclid", "zarsrc", "zaloid", "gidzl", "_ga", "mc_", "ref", "cmpid", "itm_"];

    /// <summary>Returns the canonical form of an absolute http(s) URL, or throws <see cref="FormatException"/>.</summary>
    public static string Normalize(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"not an absolute http(s) URL: '{url}'");
        }

        var query = string.Join('&', uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p) && !IsAmp(p)));
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = DesktopPath(string.IsNullOrEmpty(uri.AbsolutePath) ? "/" : uri.AbsolutePath);
        return $"{uri.Scheme}://{DesktopHost(uri.Host.ToLowerInvariant())}{port}{path}{(query.Length > 0 ? "?" + query : "")}";
    }

    // m.example.vn and amp.example.vn serve the pages of example.vn; www. is kept (some sites differ with it).
    private static string DesktopHost(string host) =>
        (host.StartsWith("m.", StringComparison.Ordinal) || host.StartsWith("amp.", StringComparison.Ordinal)) && host.Count(c => c == '.') >= 2
            ? host[(host.IndexOf('.', StringComparison.Ordinal) + 1)..]
            : host;

    private static string DesktopPath(string path)
    {
        if (path.StartsWith("/amp/", StringComparison.OrdinalIgnoreCase))
        {
            path = path[4..];
        }

        if (path.EndsWith("/amp", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/amp/", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..path.LastIndexOf("/amp", StringComparison.OrdinalIgnoreCase)];
            path = path.Length == 0 ? "/" : path;
        }

        var dot = path.LastIndexOf(".amp.", StringComparison.OrdinalIgnoreCase);
        return dot > 0 ? path[..dot] + path[(dot + 4)..] : path;
    }

    private static bool IsAmp(string parameter)
    {
        var (name, value) = parameter.Split('=', 2) is [var n, var v] ? (n, v) : (parameter, "");
        return name.Equals("amp", StringComparison.OrdinalIgnoreCase) || (name.Equals("outputType", StringComparison.OrdinalIgnoreCase) && value.Equals("amp", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsTracking(string parameter)
    {
        var name = parameter.Split('=', 2)[0].ToLowerInvariant();
        return TrackingPrefixes.Any(p => p.EndsWith('_') ? name.StartsWith(p, StringComparison.Ordinal) : name == p);
    }
}
