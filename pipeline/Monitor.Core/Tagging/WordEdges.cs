using System.Numerics;
using System.Runtime.CompilerServices;

namespace Monitor.Core.Tagging;

/// <summary>The trie edges of <see cref="PhraseAutomaton"/> below the root, (state, word id) → child, in one
/// open-addressing table: the scan asks it about every word that continues a phrase, and a general dictionary's
/// hashing and entry indirection were a sixth of the scan. Each slot holds its state, word and child side by side
/// (one cache line a probe). Most questions are answered "no edge" (a word that does not continue the phrase begun,
/// then the same word asked of the shorter states down the failure links), so a bit per hash of every edge, 16 bits
/// an edge in a few dozen KiB the processor keeps in its nearest cache, answers most of them without reading the
/// table (docs/tagging.md, "Speed").</summary>
internal sealed class WordEdges
{
    private readonly Edge[] _edges;
    private readonly int _mask;
    private readonly ulong[] _filter;
    private readonly int _filterShift;

    /// <param name="edges">Each (state, word, child) once; states are above 0 (the root's edges are kept apart).</param>
    public WordEdges(IReadOnlyCollection<(int State, int Word, int Child)> edges)
    {
        var size = 16;
        while (size < edges.Count * 2)
        {
            size *= 2;
        }

        var bits = 64;
        while (bits < edges.Count * 16)
        {
            bits *= 2;
        }

        (_edges, _mask) = (new Edge[size], size - 1);
        (_filter, _filterShift) = (new ulong[bits / 64], 32 - BitOperations.Log2((uint)bits));
        foreach (var (state, word, child) in edges)
        {
            var hash = Hash(state, word);
            _filter[hash >> _filterShift >> 6] |= 1UL << (int)(hash >> _filterShift);
            var at = Slot(hash);
            while (_edges[at].State != 0)
            {
                at = (at + 1) & _mask;
            }

            _edges[at] = new Edge(state, word, child);
        }
    }

    /// <summary>Bytes held by the table and its filter.</summary>
    public long ApproximateBytes => _edges.Length * 12L + _filter.Length * 8L;

    /// <summary>The child of <paramref name="state"/> by <paramref name="word"/>, or 0 when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Child(int state, int word)
    {
        var hash = Hash(state, word);
        if ((_filter[hash >> _filterShift >> 6] & (1UL << (int)(hash >> _filterShift))) == 0)
        {
            return 0;
        }

        for (var at = Slot(hash); ; at = (at + 1) & _mask)
        {
            ref readonly var edge = ref _edges[at];
            if (edge.State == state && edge.Word == word)
            {
                return edge.Child;
            }

            if (edge.State == 0)
            {
                return 0;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(int state, int word) => (uint)(state * -1640531535 ^ word * 40503) * 2654435769u;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(uint hash) => (int)(hash >> 7) & _mask;

    private readonly record struct Edge(int State, int Word, int Child);
}
