namespace Monitor.Core.Tagging;

/// <summary>The trie edges of <see cref="PhraseAutomaton"/> below the root, (state, word id) → child, in one
/// open-addressing table of flat arrays: the scan asks it about every word that continues a phrase, and a general
/// dictionary's hashing and entry indirection were a sixth of the scan.</summary>
internal sealed class WordEdges
{
    private readonly int[] _states;
    private readonly int[] _words;
    private readonly int[] _children;
    private readonly int _mask;

    /// <param name="edges">Each (state, word, child) once; states are above 0 (the root's edges are kept apart).</param>
    public WordEdges(IReadOnlyCollection<(int State, int Word, int Child)> edges)
    {
        var size = 16;
        while (size < edges.Count * 2)
        {
            size *= 2;
        }

        (_states, _words, _children, _mask) = (new int[size], new int[size], new int[size], size - 1);
        foreach (var (state, word, child) in edges)
        {
            var at = Slot(state, word);
            while (_states[at] != 0)
            {
                at = (at + 1) & _mask;
            }

            (_states[at], _words[at], _children[at]) = (state, word, child);
        }
    }

    public int Count => _children.Length;

    /// <summary>The child of <paramref name="state"/> by <paramref name="word"/>, or 0 when there is none.</summary>
    public int Child(int state, int word)
    {
        for (var at = Slot(state, word); _states[at] != 0; at = (at + 1) & _mask)
        {
            if (_states[at] == state && _words[at] == word)
            {
                return _children[at];
            }
        }

        return 0;
    }

    private int Slot(int state, int word) => (int)((uint)(state * -1640531535 ^ word * 40503) * 2654435769u >> 7) & _mask;
}
