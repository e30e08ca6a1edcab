namespace Monitor.Core.Tagging;

/// <summary>
/// Aho-Corasick over folded text: finds every occurrence of every phrase in one pass, whole words only.
/// Phrases and text are folded keys (single spaces, no punctuation), so a word boundary is a space or an end;
/// the automaton runs over " text " and phrases are compiled as " phrase ".
/// </summary>
public sealed class PhraseAutomaton
{
    private readonly ushort[] _symbols = new ushort[char.MaxValue + 1];
    private readonly int _alphabet;

    // The transition table, one row of _alphabet entries per state. An entry is the target state's row offset
    // (state × _alphabet, so the scan does no multiplication), bitwise complemented when the target state has
    // outputs: the scan touches one table entry per character and looks at outputs only on a negative entry.
    private readonly int[] _next;
    private readonly int _start;
    private readonly int[][] _outputs;
    private readonly int[] _lengths;
    private readonly int[] _words;

    /// <param name="phrases">Folded phrases; the index of each is the id reported on a match.</param>
    public PhraseAutomaton(IReadOnlyList<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        // Symbol 0 is "a character no phrase uses"; every character any phrase uses gets its own symbol.
        ushort count = 1;
        _symbols[' '] = count++;
        foreach (var c in phrases.SelectMany(p => p))
        {
            if (_symbols[c] == 0)
            {
                _symbols[c] = count++;
            }
        }

        _alphabet = count;
        _lengths = phrases.Select(p => p.Length).ToArray();
        _words = phrases.Select(p => p.Count(c => c == ' ') + 1).ToArray();

        // The trie of " phrase " strings, one row of children per node (0 = none: the root is nobody's child).
        var alphabet = _alphabet;
        var trie = new int[(1 + phrases.Sum(p => p.Length + 2)) * alphabet];
        var own = new List<int>?[trie.Length / alphabet];
        var nodes = 1;
        for (var id = 0; id < phrases.Count; id++)
        {
            if (phrases[id].Length == 0)
            {
                continue;
            }

            var node = Step(trie, 0, ' ', ref nodes);
            foreach (var c in phrases[id])
            {
                node = Step(trie, node, c, ref nodes);
            }

            (own[Step(trie, node, ' ', ref nodes)] ??= []).Add(id);
        }

        // States numbered breadth first: the ones near the root, which the scan visits most, share the first rows of
        // the table (fewer cache misses than numbering in insertion order); breadth first is also the order in which
        // failure links can be computed.
        var order = new int[nodes];
        var rank = new int[nodes];
        for (int head = 0, tail = 1; head < tail; head++)
        {
            rank[order[head]] = head;
            for (var s = 0; s < alphabet; s++)
            {
                if (trie[order[head] * alphabet + s] is var child and > 0)
                {
                    order[tail++] = child;
                }
            }
        }

        _next = new int[nodes * alphabet];
        _outputs = new int[nodes][];
        var fail = new int[nodes];
        for (var state = 0; state < nodes; state++)
        {
            var node = order[state];
            // A state's outputs are its own phrases, then those of the longest suffix that is also a state.
            _outputs[state] = state == 0 ? [] : [.. (own[node] ?? []).Concat(_outputs[fail[state]]).Distinct()];
            for (var s = 0; s < alphabet; s++)
            {
                var child = trie[node * alphabet + s];
                var fallback = state == 0 ? 0 : _next[fail[state] * alphabet + s];
                if (child > 0)
                {
                    fail[rank[child]] = fallback;
                    _next[state * alphabet + s] = rank[child];
                }
                else
                {
                    _next[state * alphabet + s] = fallback;
                }
            }
        }

        for (var i = 0; i < _next.Length; i++)
        {
            var target = _next[i];
            _next[i] = _outputs[target].Length > 0 ? ~(target * alphabet) : target * alphabet;
        }

        _start = _next[_symbols[' ']] is var start && start < 0 ? ~start : start;   // no phrase is empty: never negative
    }

    // The child of node by character c in the trie, made when missing.
    private int Step(int[] trie, int node, char c, ref int nodes)
    {
        ref var child = ref trie[node * _alphabet + _symbols[c]];
        if (child == 0)
        {
            child = nodes++;
        }

        return child;
    }

    /// <summary>Bytes held by the compiled automaton (for the benchmark's memory report).</summary>
    public long ApproximateBytes => (long)_next.Length * sizeof(int) + _symbols.Length * sizeof(ushort) + _outputs.Sum(o => 16L + o.Length * sizeof(int));

    /// <summary>Adds every whole-word occurrence to <paramref name="into"/>, with folded offsets and word positions
    /// (word 0 is the text's first word), which NEAR needs.</summary>
    public void Match(string folded, List<PhraseOccurrence> into)
    {
        ArgumentNullException.ThrowIfNull(folded);
        Match(folded.AsSpan(), into);
    }

    /// <inheritdoc cref="Match(string, List{PhraseOccurrence})"/>
    public void Match(ReadOnlySpan<char> folded, List<PhraseOccurrence> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var next = _next;
        var symbols = _symbols;
        // The text is scanned as " text ": the leading space is the start state, the trailing one comes after the loop.
        var row = _start;
        var words = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            row = next[row + symbols[c]];
            if (row < 0)
            {
                row = ~row;
                Emit(row, i, words, into);
            }

            if (c == ' ')
            {
                words++;
            }
        }

        if (next[row + symbols[' ']] is var last && last < 0)
        {
            Emit(~last, folded.Length, words, into);
        }
    }

    private void Emit(int row, int end, int words, List<PhraseOccurrence> into)
    {
        foreach (var id in _outputs[row / _alphabet])
        {
            into.Add(new PhraseOccurrence(id, end - _lengths[id], end, words - _words[id] + 1, words));
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
}

/// <summary>One occurrence found by <see cref="PhraseAutomaton"/>: folded offsets [Start, End) and word positions.</summary>
public readonly record struct PhraseOccurrence(int Id, int Start, int End, int FirstWord, int LastWord);
