using System.Runtime.CompilerServices;

namespace Monitor.Core.Tagging;

/// <summary>
/// Aho-Corasick over the words of folded text: finds every occurrence of every phrase in one pass, whole words only.
/// Phrases and text are folded keys (single spaces, no punctuation), so a phrase is a sequence of words and occurs
/// where the same words follow one another; every space separates two words (an empty one between two spaces).
/// Working on words rather than characters keeps the tables small enough for the processor's caches: the scan
/// looks up each word once in a table of the phrases' words (<see cref="WordIds"/>) and follows one edge of a trie of
/// word ids (<see cref="WordEdges"/>), skipping the states that continue no phrase (docs/tagging.md, "Speed"). The scan
/// is compiled fully optimised on its first call: the precompiled code of the executable would run it unoptimised
/// until the runtime got round to re-compiling it, most of a short run.
/// </summary>
public sealed class PhraseAutomaton
{
    private readonly WordIds _wordIds;
    private readonly int _wordCount;

    // Edges of the trie of word ids: from the root by word id, from any other state through _edges.
    private readonly int[] _root;
    private readonly WordEdges _edges;
    private readonly int[] _fail;

    // The nearest state on a state's failure chain (itself included) that has edges below it: a state that continues
    // no phrase is never asked for an edge.
    private readonly int[] _parent;
    private readonly int[][] _outputs;
    private readonly int[] _lengths;
    private readonly int[] _words;

    /// <param name="phrases">Folded phrases; the index of each is the id reported on a match.</param>
    public PhraseAutomaton(IReadOnlyList<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        _lengths = phrases.Select(p => p.Length).ToArray();
        _words = phrases.Select(p => p.Count(c => c == ' ') + 1).ToArray();

        // The trie: state 0 is the root; a phrase's words lead from it to the state that outputs the phrase.
        var own = new List<List<int>?> { null };
        var children = new List<List<(int Word, int Child)>> { new() };
        var rootEdges = new Dictionary<int, int>();
        var edges = new Dictionary<long, int>();
        for (var id = 0; id < phrases.Count; id++)
        {
            if (phrases[id].Length == 0)
            {
                continue;
            }

            var state = 0;
            foreach (var word in phrases[id].Split(' '))
            {
                if (!wordIds.TryGetValue(word, out var w))
                {
                    wordIds[word] = w = wordIds.Count + 1;   // 0 is "a word no phrase uses"
                }

                if (!(state == 0 ? rootEdges.TryGetValue(w, out var child) : edges.TryGetValue(Key(state, w), out child)))
                {
                    child = own.Count;
                    own.Add(null);
                    children.Add([]);
                    children[state].Add((w, child));
                    if (state == 0)
                    {
                        rootEdges[w] = child;
                    }
                    else
                    {
                        edges[Key(state, w)] = child;
                    }
                }

                state = child;
            }

            (own[state] ??= []).Add(id);
        }

        _edges = new WordEdges([.. edges.Select(e => ((int)(e.Key >> 32), (int)e.Key, e.Value))]);
        _wordIds = new WordIds(wordIds);
        _wordCount = wordIds.Count;
        _root = new int[_wordCount + 1];
        foreach (var (w, child) in rootEdges)
        {
            _root[w] = child;
        }

        // Failure links breadth first: a state's link is the longest proper suffix of its words that is also a state;
        // its outputs are its own phrases, then those of its link.
        _fail = new int[own.Count];
        _parent = new int[own.Count];
        _outputs = new int[own.Count][];
        _outputs[0] = [];
        var queue = new Queue<int>();
        foreach (var (_, child) in children[0])
        {
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            _outputs[state] = [.. (own[state] ?? []).Concat(_outputs[_fail[state]]).Distinct()];
            _parent[state] = children[state].Count > 0 ? state : _parent[_fail[state]];   // the root's is the root
            foreach (var (w, child) in children[state])
            {
                _fail[child] = Next(_fail[state], w);
                queue.Enqueue(child);
            }
        }
    }

    /// <summary>Bytes held by the compiled automaton (for the benchmark's memory report).</summary>
    public long ApproximateBytes =>
        _root.Length * sizeof(int) + _edges.ApproximateBytes + _fail.Length * 2L * sizeof(int) + _outputs.Sum(o => 16L + o.Length * sizeof(int)) + _wordIds.ApproximateBytes;

    /// <summary>Adds every whole-word occurrence to <paramref name="into"/>, with folded offsets and word positions
    /// (word 0 is the text's first word), which NEAR needs.</summary>
    public void Match(string folded, List<PhraseOccurrence> into)
    {
        ArgumentNullException.ThrowIfNull(folded);
        Match(folded.AsSpan(), into);
    }

    /// <inheritdoc cref="Match(string, List{PhraseOccurrence})"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Match(ReadOnlySpan<char> folded, List<PhraseOccurrence> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var state = 0;
        var word = 0;
        for (var start = 0; start <= folded.Length; word++)
        {
            var length = folded[start..].IndexOf(' ');
            var end = length < 0 ? folded.Length : start + length;
            state = _wordIds.Find(folded[start..end]) is var w and > 0 ? Next(state, w) : 0;
            foreach (var id in _outputs[state])
            {
                into.Add(new PhraseOccurrence(id, end - _lengths[id], end, word - _words[id] + 1, word));
            }

            start = end + 1;
        }
    }

    /// <summary>Calls <paramref name="onMatch"/> with (phrase id, start, end) in folded offsets for every whole-word occurrence.</summary>
    public void Match(string folded, Action<int, int, int> onMatch)
    {
        ArgumentNullException.ThrowIfNull(onMatch);
        var found = new List<PhraseOccurrence>();
        Match(folded, found);
        foreach (var o in found)
        {
            onMatch(o.Id, o.Start, o.End);
        }
    }

    // The state after word w from state: its edge, or its failure link's, down to the root.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Next(int state, int w)
    {
        while (true)
        {
            state = _parent[state];
            if (state == 0)
            {
                return _root[w];
            }

            if (_edges.Child(state, w) is var child and > 0)
            {
                return child;
            }

            state = _fail[state];
        }
    }

    private static long Key(int state, int w) => ((long)state << 32) | (uint)w;
}

/// <summary>One occurrence found by <see cref="PhraseAutomaton"/>: folded offsets [Start, End) and word positions.</summary>
public readonly record struct PhraseOccurrence(int Id, int Start, int End, int FirstWord, int LastWord);
