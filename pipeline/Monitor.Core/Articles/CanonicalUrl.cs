namespace Monitor.Core.Articles;

/// <summary>Puts a URL in the one form that names an article: lower-case scheme and host, no default port,
/// no fragment, no tracking parameters.</summary>
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
            .Where(p => !IsTracking(p)));
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = string.IsNullOrEmpty(uri.AbsolutePath) ? "/" : uri.AbsolutePath;
        return $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}{port}{path}{(query.Length > 0 ? "?" + query : "")}";
    }

    private static bool IsTracking(string parameter)
    {
        var name = parameter.Split('=', 2)[0].ToLowerInvariant();
        return TrackingPrefixes.Any(p => p.EndsWith('_') ? name.StartsWith(p, StringComparison.Ordinal) : name == p);
    }
}
