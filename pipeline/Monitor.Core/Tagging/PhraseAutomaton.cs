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

        var children = new List<Dictionary<int, int>> { new() };
        var outputs = new List<List<int>> { new() };
        for (var id = 0; id < phrases.Count; id++)
        {
            if (phrases[id].Length == 0)
            {
                continue;
            }

            var node = 0;
            foreach (var c in " " + phrases[id] + " ")
            {
                var s = _symbols[c];
                if (!children[node].TryGetValue(s, out var child))
                {
                    child = children.Count;
                    children.Add([]);
                    outputs.Add([]);
                    children[node][s] = child;
                }

                node = child;
            }

            outputs[node].Add(id);
        }

        // States numbered breadth first: the ones near the root, which the scan visits most, share the first rows
        // of the table (fewer cache misses than numbering in insertion order).
        var order = new List<int> { 0 };
        for (var k = 0; k < order.Count; k++)
        {
            order.AddRange(children[order[k]].OrderBy(c => c.Key).Select(c => c.Value));
        }

        var rank = new int[order.Count];
        for (var k = 0; k < order.Count; k++)
        {
            rank[order[k]] = k;
        }

        children = order.ConvertAll(o => children[o].ToDictionary(c => c.Key, c => rank[c.Value]));
        outputs = order.ConvertAll(o => outputs[o]);

        _next = new int[children.Count * _alphabet];
        var fail = new int[children.Count];
        var queue = new Queue<int>();
        for (var s = 0; s < _alphabet; s++)
        {
            if (children[0].TryGetValue(s, out var child))
            {
                _next[s] = child;
                queue.Enqueue(child);
            }
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            outputs[node].AddRange(outputs[fail[node]]);
            for (var s = 0; s < _alphabet; s++)
            {
                if (children[node].TryGetValue(s, out var child))
                {
                    fail[child] = _next[fail[node] * _alphabet + s];
                    _next[node * _alphabet + s] = child;
                    queue.Enqueue(child);
                }
                else
                {
                    _next[node * _alphabet + s] = _next[fail[node] * _alphabet + s];
                }
            }
        }

        _outputs = outputs.Select(o => o.Count == 0 ? [] : o.Distinct().ToArray()).ToArray();
        for (var i = 0; i < _next.Length; i++)
        {
            var target = _next[i];
            _next[i] = _outputs[target].Length > 0 ? ~(target * _alphabet) : target * _alphabet;
        }

        _start = _next[_symbols[' ']] is var start && start < 0 ? ~start : start;   // no phrase is empty: never negative
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
