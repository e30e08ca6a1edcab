using System.Diagnostics;
using System.Globalization;
using System.Text;
using Monitor.Crawlers.Extraction;

namespace Monitor.Lab.ExtractionScoring;

/// <summary>How the extractor did on one saved page.</summary>
public sealed record PageResult(string Name, ShingleCounts? Body, bool? TitleRight, bool? DateRight, string? Title,
    DateTimeOffset? Published);

/// <summary>Body P/R/F1 (null when the corpus has no body truth), title and date hits over the pages that have them.</summary>
public sealed record CorpusResult(string Corpus, int Pages, ShingleScoreSummary? Body, int TitlesKnown, int TitlesRight,
    int DatesKnown, int DatesRight, IReadOnlyList<PageResult> PageResults);

/// <summary>Every corpus's result plus the single-core extraction speed over all their pages.</summary>
public sealed record ExtractionBenchmarkReport(IReadOnlyList<CorpusResult> Corpora, int Pages, double PagesPerSecond)
{
    /// <summary>A plain-text table for a console or a document.</summary>
    public string ToTable()
    {
        var s = new StringBuilder();
        s.AppendLine("corpus                   pages  precision  recall     F1  title  date");
        foreach (var c in Corpora)
        {
            var body = c.Body is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b.Precision,9:F3}  {b.Recall,6:F3}  {b.F1,5:F3}") : "        -       -      -";
            s.AppendLine(CultureInfo.InvariantCulture, $"{c.Corpus,-24} {c.Pages,5}  {body}  {Ratio(c.TitlesRight, c.TitlesKnown),5}  {Ratio(c.DatesRight, c.DatesKnown),4}");
        }

        s.AppendLine(CultureInfo.InvariantCulture, $"speed: {PagesPerSecond:F0} pages/s on one thread over {Pages} pages");
        return s.ToString();
    }

    private static string Ratio(int right, int known) => known == 0 ? "-" : $"{right}/{known}";
}

/// <summary>Measures the generic extractor on the saved real pages: what <c>monitor bench extract</c> prints.</summary>
public static class ExtractionBenchmark
{
    public static ExtractionBenchmarkReport Run(string corpusRoot, CancellationToken cancellationToken)
    {
        var corpora = CorpusReader.Corpora.Select(c => CorpusReader.Read(corpusRoot, c)).ToList();
        var results = corpora.Select(pages => Score(pages, cancellationToken)).ToList();
        var all = corpora.SelectMany(p => p).ToList();

        // The scoring pass above warmed up the JIT; the timed passes do nothing but extract, on this one thread. The
        // faster of two is kept because the machine is shared and a neighbour's burst is not the extractor's cost.
        var best = TimeSpan.MaxValue;
        for (var pass = 0; pass < 2; pass++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var page in all)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ArticleExtractor.Extract(page.Html, page.Url);
            }

            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        return new ExtractionBenchmarkReport(results, all.Count, all.Count / best.TotalSeconds);
    }

    public static CorpusResult Score(IReadOnlyList<CorpusPage> pages, CancellationToken cancellationToken)
    {
        var results = new List<PageResult>();
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var extracted = ArticleExtractor.Extract(page.Html, page.Url);
            results.Add(new PageResult(page.Name,
                page.ExpectedBody is null ? null : ShingleScore.Compare(page.ExpectedBody, extracted.Text),
                page.ExpectedTitle is null ? null : SameTitle(page.ExpectedTitle, extracted.Title),
                page.ExpectedPublished?.Matches(extracted.Published), extracted.Title, extracted.Published));
        }

        var bodies = results.Select(r => r.Body).OfType<ShingleCounts>().ToList();
        return new CorpusResult(pages.Count > 0 ? pages[0].Corpus : "", pages.Count,
            bodies.Count == 0 ? null : ShingleScore.Summarise(bodies),
            results.Count(r => r.TitleRight is not null), results.Count(r => r.TitleRight == true),
            results.Count(r => r.DateRight is not null), results.Count(r => r.DateRight == true), results);
    }


    /// <summary>Titles compare with whitespace collapsed and case ignored; nothing else is forgiven.</summary>
    public static bool SameTitle(string expected, string? actual) =>
        actual is not null && string.Equals(ArticleExtractor.Clean(expected), ArticleExtractor.Clean(actual), StringComparison.OrdinalIgnoreCase);
}
