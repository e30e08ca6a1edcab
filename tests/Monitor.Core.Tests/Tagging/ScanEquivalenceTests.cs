using Monitor.Core.Tagging;

namespace Monitor.Core.Tests.Tagging;

/// <summary>The tagger's fast scans give what their plain rules give: the body's breaks jump between marks but find
/// the breaks the rules find character by character; the word automaton finds every whole-word occurrence a naive
/// search finds.</summary>
public sealed class ScanEquivalenceTests
{
    [Fact]
    public void Body_breaks_found_by_jumping_between_marks_are_those_of_the_rules_at_every_character()
    {
        const string alphabet = "ab .!?…:\"”\n\r\t\u00A0 ,";
        var random = new Random(14);
        for (var round = 0; round < 3000; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var (sentences, counted, paragraphs) = (new List<int>(), new List<int>(), new List<int>());
            BodyLayout.Scan(text, sentences, counted, paragraphs);

            var rule = Enumerable.Range(0, text.Length).Where(i => BodyLayout.IsSentenceBreak(text, i)).ToList();
            Assert.Equal(rule, sentences);
            Assert.Equal(rule.Where(i => i < text.Length - 1 && (text[i] == '\n' || !char.IsWhiteSpace(text[i + 1]))), counted);
            Assert.Equal(Enumerable.Range(0, text.Length).Where(i => text[i] is '\n' or ' ' && BodyLayout.IsParagraphBreak(text, i)), paragraphs);
        }
    }

    [Fact]
    public void The_word_automaton_finds_every_whole_word_occurrence_a_naive_search_finds()
    {
        var random = new Random(46);
        string[] syllables = ["a", "ba", "ca", "dan", "em", "gia", "hoa", "kha", "lan", "mai", "ngo", "doc", "thuc", "pham", "x"];
        string Words(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => syllables[random.Next(syllables.Length)]));
        var phrases = Enumerable.Range(0, 200).Select(_ => Words(1, 4)).Distinct().ToList();
        var automaton = new PhraseAutomaton(phrases);
        for (var round = 0; round < 300; round++)
        {
            var text = Words(0, 60) + (random.Next(3) == 0 ? " unknownword" : "");
            var found = new List<PhraseOccurrence>();
            automaton.Match(text, found);

            var words = text.Split(' ');
            var expected = new List<PhraseOccurrence>();
            for (var id = 0; id < phrases.Count; id++)
            {
                var phrase = phrases[id].Split(' ');
                for (var first = 0; first + phrase.Length <= words.Length; first++)
                {
                    if (words.AsSpan(first, phrase.Length).SequenceEqual(phrase))
                    {
                        var start = words.Take(first).Sum(w => w.Length + 1);
                        expected.Add(new PhraseOccurrence(id, start, start + phrases[id].Length, first, first + phrase.Length - 1));
                    }
                }
            }

            Assert.Equal(expected.OrderBy(o => o.Start).ThenBy(o => o.Id), found.OrderBy(o => o.Start).ThenBy(o => o.Id));
        }
    }
}
