using Monitor.Lab.ExtractionScoring;

namespace Monitor.Crawlers.Tests.Extraction;

public sealed class ShingleScoreTests
{
    [Fact]
    public void Identical_texts_score_one_whatever_their_punctuation_and_spacing()
    {
        var counts = ShingleScore.Compare("Một hai ba bốn năm sáu.", "Một, hai  ba\nbốn năm sáu");

        Assert.Equal(1, counts.Precision);
        Assert.Equal(1, counts.Recall);
    }

    [Fact]
    public void Extra_text_lowers_precision_and_missing_text_lowers_recall()
    {
        // 6 tokens make 3 shingles; adding 2 tokens adds 2 shingles: tp 3, fp 2, normalised to 3/5 and 2/5.
        var extra = ShingleScore.Compare("a b c d e f", "a b c d e f g h");
        var missing = ShingleScore.Compare("a b c d e f g h", "a b c d e f");

        Assert.Equal(0.6, extra.Precision!.Value, 6);
        Assert.Equal(1, extra.Recall!.Value, 6);
        Assert.Equal(1, missing.Precision!.Value, 6);
        Assert.Equal(0.6, missing.Recall!.Value, 6);
    }

    [Fact]
    public void An_empty_prediction_counts_for_recall_only_and_f1_is_taken_of_the_averages()
    {
        var pages = new[] { ShingleScore.Compare("a b c d e", ""), ShingleScore.Compare("a b c d e", "a b c d e") };

        var summary = ShingleScore.Summarise(pages);

        Assert.Equal(1, summary.Precision, 6);
        Assert.Equal(0.5, summary.Recall, 6);
        Assert.Equal(2 * 0.5 / 1.5, summary.F1, 6);
    }
}
