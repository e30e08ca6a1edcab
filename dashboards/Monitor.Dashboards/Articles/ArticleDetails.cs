using Monitor.Wording;
using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Storage.Coverage;

namespace Monitor.Dashboards.Articles;

/// <summary>What the article page reads: the article, its versions, tags with evidence, cited documents, near-duplicates,
/// through the store's <see cref="IArticleStore"/> (SQLite embedded, Elasticsearch scaled out).</summary>
public sealed class ArticleDetails(IArticleStore store)
{
    public Task<Article?> ArticleAsync(string articleId, CancellationToken ct) => store.ArticleAsync(articleId, ct);

    public Task<IReadOnlyList<StoredTag>> TagsAsync(string articleId, CancellationToken ct) => store.TagsAsync(articleId, ct);

    public Task<IReadOnlyList<string>> ReferencesAsync(string articleId, CancellationToken ct) => store.CitedAsync(articleId, ct);

    public Task<IReadOnlyList<Duplicate>> DuplicatesAsync(string articleId, CancellationToken ct) => store.DuplicatesAsync(articleId, ct);

    public Task<IReadOnlyList<ArticleChange>> ChangesAsync(string articleId, CancellationToken ct) => store.ChangesAsync(articleId, ct);

    /// <summary>The stored version number (1 when never changed).</summary>
    public Task<int> VersionAsync(string articleId, CancellationToken ct) => store.VersionAsync(articleId, ct);
}

/// <summary>A piece of a field's text: plain, or evidence of the listed themes.</summary>
public sealed record Segment(string Text, IReadOnlyList<string> Themes);

/// <summary>Cuts a field's original text at the evidence offsets (UTF-16, as the tagger gives them), so the page marks
/// exactly what matched; overlapping evidence of two themes becomes one marked piece naming both.</summary>
public static class Highlighter
{
    public static IReadOnlyList<Segment> Cut(string? text, string field, IEnumerable<StoredTag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var spans = tags.SelectMany(t => t.Evidence.Where(e => e.Field == field && e.Start >= 0 && e.End <= text.Length && e.Start < e.End).Select(e => (e.Start, e.End, t.Theme))).ToList();
        var cuts = spans.SelectMany(s => new[] { s.Start, s.End }).Append(0).Append(text.Length).Distinct().Order().ToList();
        var segments = new List<Segment>();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (from, to) = (cuts[i], cuts[i + 1]);
            var themes = spans.Where(s => s.Start <= from && s.End >= to).Select(s => s.Theme).Distinct().Order(StringComparer.Ordinal).ToList();
            if (segments.Count > 0 && segments[^1].Themes.SequenceEqual(themes))
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + text[from..to] };
            }
            else
            {
                segments.Add(new Segment(text[from..to], themes));
            }
        }

        return segments;
    }

    /// <summary>The ranges of a field's text the evidence marks, ordered, overlaps merged, offsets outside the text left
    /// out (a changed article may hold evidence of an older text).</summary>
    public static IReadOnlyList<(int Start, int End)> Spans(string? text, string field, IEnumerable<Evidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var length = text?.Length ?? 0;
        var merged = new List<(int Start, int End)>();
        foreach (var e in evidence.Where(e => e.Field == field && e.Start >= 0 && e.End <= length && e.Start < e.End).OrderBy(e => e.Start).ThenBy(e => e.End))
        {
            if (merged.Count > 0 && e.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, e.End));
            }
            else
            {
                merged.Add((e.Start, e.End));
            }
        }

        return merged;
    }

    /// <summary>The segments split into paragraphs at line breaks (a mark that spans a break is cut in two).</summary>
    public static IReadOnlyList<IReadOnlyList<Segment>> Paragraphs(IReadOnlyList<Segment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var paragraphs = new List<List<Segment>> { new() };
        foreach (var s in segments)
        {
            var parts = s.Text.Split('\n');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    paragraphs.Add([]);
                }

                if (parts[i].Trim().Length > 0 || (parts[i].Length > 0 && paragraphs[^1].Count > 0))
                {
                    paragraphs[^1].Add(s with { Text = parts[i] });
                }
            }
        }

        return paragraphs.Where(p => p.Count > 0).ToList();
    }

    public static string Score(double score) => NumberWords.Fraction(score);
}
