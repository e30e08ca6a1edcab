using System.Security.Cryptography;
using System.Text;

namespace Monitor.Core.Articles;

/// <summary>Ids and content hashes: the same URL or content always gives the same value.</summary>
public static class ArticleId
{
    /// <summary>The article id: the first 128 bits of SHA-256 over the canonical URL, in lower-case hex.</summary>
    public static string FromCanonicalUrl(string canonicalUrl) => Hash(canonicalUrl, 16);

    /// <summary>A hash of what a reader sees (title, description, text), to notice edits.</summary>
    public static string ContentHash(string title, string? description, string text) =>
        Hash(string.Join('\u001f', title, description ?? "", text), 16);

    private static string Hash(string value, int bytes)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return Convert.ToHexStringLower(digest[..bytes]);
    }
}
