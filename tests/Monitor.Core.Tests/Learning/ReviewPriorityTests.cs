using Monitor.Core.Learning;
using Monitor.Core.Tagging;

namespace Monitor.Core.Tests.Learning;

/// <summary>What <see cref="ReviewPriority"/> promises the review queue "Cần xem xét": doubt from 0 (sure) to 1, the
/// learnt probability judged against the line that would move the grade, the grade and the score without one, and
/// the themes taking turns in the order.</summary>
public sealed class ReviewPriorityTests
{
    private const double Demote = 0.4;
    private const double Promote = 0.7;

    private static double Doubt(string grade, double score, double? relevance = null) => ReviewPriority.Doubt(grade, score, relevance, Demote, Promote);

    [Fact]
    public void Without_a_learnt_probability_a_partial_hit_is_more_doubtful_than_a_primary_one_and_a_thin_score_than_a_thick_one()
    {
        double[] scores = [1.0, 1.25, 1.5, 2.0, 2.5, 2.9];
        foreach (var score in scores)
        {
            Assert.True(Doubt(ThemeGrade.Partial, score) > Doubt(ThemeGrade.Primary, score), $"score {score}");
            Assert.InRange(Doubt(ThemeGrade.Partial, score), 0.5, 1.0);
            Assert.InRange(Doubt(ThemeGrade.Primary, score), 0.0, 0.5);
        }

        string[] grades = [ThemeGrade.Partial, ThemeGrade.Primary];
        foreach (var grade in grades)
        {
            var doubts = scores.Select(s => Doubt(grade, s)).ToList();
            Assert.Equal(doubts.OrderByDescending(d => d), doubts);
            Assert.Equal(scores.Length, doubts.Distinct().Count());
        }

        // A score at the threshold is as doubtful as its grade gets.
        Assert.Equal(1.0, Doubt(ThemeGrade.Partial, 1.0));
        Assert.Equal(0.5, Doubt(ThemeGrade.Primary, 1.0));
    }

    [Fact]
    public void A_mention_is_the_more_doubtful_the_nearer_it_came_to_counting_and_one_at_the_threshold_is_sure()
    {
        double[] scores = [1.0, 1.5, 2.0, 3.0];
        var doubts = scores.Select(s => Doubt(ThemeGrade.Mention, s)).ToList();

        Assert.Equal(doubts.Order(), doubts);
        Assert.Equal(scores.Length, doubts.Distinct().Count());
        Assert.All(doubts, d => Assert.InRange(d, 0.0, 0.5));
        Assert.Equal(0.0, Doubt(ThemeGrade.Mention, 1.0));
        Assert.Equal(0.0, Doubt(ThemeGrade.Mention, 0.4));
    }

    [Fact]
    public void Pairs_the_tagger_is_sure_of_get_doubt_zero_so_the_queue_leaves_them_out()
    {
        Assert.Equal(0.0, Doubt(ThemeGrade.Primary, 3.0));
        Assert.Equal(0.0, Doubt(ThemeGrade.Primary, 7.5));
        Assert.Equal(0.0, Doubt(ThemeGrade.Mention, 1.0));
        Assert.True(Doubt(ThemeGrade.Primary, 2.99) > 0);
        Assert.True(Doubt(ThemeGrade.Partial, 9.0) > 0);   // a partial hit is never sure of its grade by its score alone
    }

    [Fact]
    public void With_a_learnt_probability_the_doubt_is_its_nearness_to_the_line_that_would_move_the_grade()
    {
        // A counted hit is judged against the demote line, a mention against the promote line, whatever the score.
        Assert.Equal(1.0, Doubt(ThemeGrade.Primary, 5.0, Demote));
        Assert.Equal(1.0, Doubt(ThemeGrade.Partial, 1.0, Demote));
        Assert.Equal(1.0, Doubt(ThemeGrade.Mention, 1.0, Promote));
        Assert.True(Doubt(ThemeGrade.Primary, 5.0, Promote) < Doubt(ThemeGrade.Mention, 1.0, Promote));

        // The same distance on either side is the same doubt; further is less.
        Assert.Equal(Doubt(ThemeGrade.Primary, 2.0, Demote - 0.1), Doubt(ThemeGrade.Primary, 2.0, Demote + 0.1), 12);
        Assert.True(Doubt(ThemeGrade.Primary, 2.0, Demote + 0.3) < Doubt(ThemeGrade.Primary, 2.0, Demote + 0.1));
        Assert.True(Doubt(ThemeGrade.Mention, 2.0, 0.1) < Doubt(ThemeGrade.Mention, 2.0, 0.6));

        // The probability replaces the grade's rule: a primary hit of a sure score is doubtful when the model hesitates.
        Assert.Equal(0.0, Doubt(ThemeGrade.Primary, 4.0));
        Assert.True(Doubt(ThemeGrade.Primary, 4.0, 0.45) > 0.9);
        double[] probabilities = [0.0, 0.2, 0.5, 0.9, 1.0];
        Assert.All(probabilities, p => Assert.InRange(Doubt(ThemeGrade.Mention, 1.0, p), 0.0, 1.0));
    }

    [Fact]
    public void The_themes_take_turns_one_pair_each_led_by_the_theme_holding_the_most_doubtful_pair()
    {
        var pairs = new List<(string Article, string Theme, double Doubt)>
        {
            ("a1", "1.1", 0.6), ("a2", "1.1", 0.9), ("a3", "1.1", 0.7), ("a4", "1.1", 0.8),
            ("b1", "2.3", 0.95), ("b2", "2.3", 0.2),
            ("c1", "3.0", 0.5),
        };

        var order = ReviewPriority.Interleave(pairs, p => p.Theme, p => p.Doubt, p => p.Article);

        Assert.Equal(["b1", "a2", "c1", "b2", "a4", "a3", "a1"], order.Select(p => p.Article));
    }

    [Fact]
    public void Within_a_theme_equal_doubts_go_by_article_id_and_a_tie_between_themes_by_theme_code()
    {
        var pairs = new List<(string Article, string Theme, double Doubt)>
        {
            ("z", "2.1", 0.5), ("m", "2.1", 0.5), ("k", "1.4", 0.5), ("c", "2.1", 0.4),
        };

        var order = ReviewPriority.Interleave(pairs, p => p.Theme, p => p.Doubt, p => p.Article);

        Assert.Equal(["k", "m", "z", "c"], order.Select(p => p.Article));
    }

    [Fact]
    public void The_order_keeps_every_pair_once_whatever_order_they_come_in()
    {
        var random = new Random(7);
        var pairs = Enumerable.Range(0, 200).Select(i => ($"a{i:D3}", $"t{random.Next(6)}", Math.Round(random.NextDouble(), 2))).ToList();

        var once = ReviewPriority.Interleave(pairs, p => p.Item2, p => p.Item3, p => p.Item1);
        var shuffled = ReviewPriority.Interleave(pairs.OrderBy(_ => random.Next()).ToList(), p => p.Item2, p => p.Item3, p => p.Item1);

        Assert.Equal(pairs.Order(), once.Order());
        Assert.Equal(once, shuffled);
        foreach (var theme in pairs.GroupBy(p => p.Item2))
        {
            var inOrder = once.Where(p => p.Item2 == theme.Key).Select(p => p.Item3).ToList();
            Assert.Equal(inOrder.OrderByDescending(d => d), inOrder);
        }
    }
}
