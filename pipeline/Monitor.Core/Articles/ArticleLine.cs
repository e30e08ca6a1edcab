using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Core.Articles;

/// <summary>Reads an article line as users have them (exports, other crawlers, the shared corpus): only an id (or a
/// URL to derive it from) and a title or a text are required; url, canonical_url, content_hash and outlet are derived
/// when absent, an unreadable date is left out. The strict contract (<see cref="ArticleJson.Deserialize"/>) stays
/// the one of the bus and the store.</summary>
public static class ArticleLine
{
    /// <summary>Reads one JSON line; throws <see cref="FormatException"/> when it is not JSON, or has neither an id
    /// nor a URL, or neither a title nor a text.</summary>
    public static Article Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json), deriveContentHash: true);

    /// <summary>Reads one UTF-8 JSON line. Without <paramref name="deriveContentHash"/> a missing content_hash stays
    /// empty: hashing the text costs as much as tagging it, and a caller that only tags does not need it.</summary>
    public static Article Read(ReadOnlySpan<byte> utf8Json, bool deriveContentHash)
    {
        Loose line;
        try
        {
            line = JsonSerializer.Deserialize<Loose>(utf8Json, ArticleJson.Options) ?? throw new FormatException("empty article JSON");
        }
        catch (JsonException e)
        {
            throw new FormatException($"not an article: {e.Message}", e);
        }

        return line.ToArticle(deriveContentHash);
    }

    private sealed record Loose
    {
        [JsonPropertyName("id"), JsonConverter(typeof(IdConverter))] public string? Id { get; init; }
        [JsonPropertyName("url")] public string? Url { get; init; }
        [JsonPropertyName("canonical_url")] public string? CanonicalUrl { get; init; }
        [JsonPropertyName("outlet")] public string? Outlet { get; init; }
        [JsonPropertyName("section")] public string? Section { get; init; }
        [JsonPropertyName("title"), JsonConverter(typeof(TextConverter))] public string? Title { get; init; }
        [JsonPropertyName("description"), JsonConverter(typeof(TextConverter))] public string? Description { get; init; }
        [JsonPropertyName("text"), JsonConverter(typeof(TextConverter))] public string? Text { get; init; }
        [JsonPropertyName("published")] public string? Published { get; init; }
        [JsonPropertyName("modified")] public string? Modified { get; init; }
        [JsonPropertyName("author")] public string? Author { get; init; }
        [JsonPropertyName("language")] public string? Language { get; init; }
        [JsonPropertyName("fetched_at")] public string? FetchedAt { get; init; }
        [JsonPropertyName("content_hash")] public string? ContentHash { get; init; }

        public Article ToArticle(bool deriveContentHash)
        {
            if (string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Text))
            {
                throw new FormatException("an article needs a title or a text");
            }

            var url = Url ?? CanonicalUrl ?? "";
            var canonical = !string.IsNullOrWhiteSpace(CanonicalUrl) ? CanonicalUrl : Canonical(url);
            var id = Id is { Length: > 0 } given ? given
                : canonical.Length > 0 ? ArticleId.FromCanonicalUrl(canonical)
                : throw new FormatException("an article needs an id or a URL");
            var title = Title ?? "";
            var text = Text ?? "";
            return new Article
            {
                Id = id, Url = url, CanonicalUrl = canonical,
                Outlet = Outlet ?? (Uri.TryCreate(canonical, UriKind.Absolute, out var u) ? u.Host : ""),
                Section = Section, Title = title, Description = Description, Text = text,
                Published = Date(Published), Modified = Date(Modified), Author = Author, Language = Language,
                FetchedAt = Date(FetchedAt) ?? default,
                ContentHash = ContentHash is { Length: > 0 } h ? h : deriveContentHash ? ArticleId.ContentHash(title, Description, text) : "",
            };
        }

        private static string Canonical(string url)
        {
            try
            {
                return url.Length == 0 ? "" : Articles.CanonicalUrl.Normalize(url);
            }
            catch (FormatException)
            {
                return "";   // not an http(s) URL: nothing to derive from, the id given stands
            }
        }

        private static DateTimeOffset? Date(string? value) =>
            DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
    }

    /// <summary>An id written as a string or as a number.</summary>
    private sealed class IdConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.Null => null,
            _ => throw new JsonException("id is neither a string nor a number"),
        };

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>A long string (title, lead, text) decoded in one pass: the reader has already checked its UTF-8, and
    /// <see cref="Utf8JsonReader.GetString"/> would check it again while counting its characters before decoding it
    /// (a twentieth of monitor tag's CPU, docs/tagging.md "Speed"). The same string results; any other token is
    /// read as the default converter reads it.</summary>
    private sealed class TextConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return reader.GetString();
            }

            // UTF-16 never needs more code units than the UTF-8 (or escaped JSON) it comes from has bytes.
            var bytes = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
            var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, bytes));
            try
            {
                return new string(buffer, 0, reader.CopyString(buffer));
            }
            finally
            {
                System.Buffers.ArrayPool<char>.Shared.Return(buffer);
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
