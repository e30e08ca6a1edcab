using System.Runtime.CompilerServices;

namespace Monitor.Core.Tagging;

/// <summary>The words of <see cref="PhraseAutomaton"/>'s phrases and their ids, looked up by a span of folded text:
/// one open-addressing table whose slots hold each word's hash, length, id and place in one array of all the words'
/// characters. The scan asks it about every word of every field; a dictionary of strings looked up through its
/// span-keyed alternate lookup (hashing, comparer and entry indirection, generic code the precompiled executable
/// runs unoptimised until the runtime re-compiles it) was a tenth of the whole process (docs/tagging.md, "Speed").</summary>
internal sealed class WordIds
{
    private readonly Slot[] _slots;
    private readonly char[] _chars;
    private readonly int _mask;
    private readonly int _longest;

    /// <param name="words">Distinct words, each with its id (above 0: 0 answers "no phrase uses this word").</param>
    public WordIds(IReadOnlyCollection<KeyValuePair<string, int>> words)
    {
        var size = 16;
        while (size < words.Count * 2)
        {
            size *= 2;
        }

        (_slots, _chars, _mask) = (new Slot[size], new char[words.Sum(w => w.Key.Length)], size - 1);
        var offset = 0;
        foreach (var (word, id) in words)
        {
            word.CopyTo(_chars.AsSpan(offset));
            var hash = Hash(word);
            var at = hash & _mask;
            while (_slots[at].Id != 0)
            {
                at = (at + 1) & _mask;
            }

            _slots[at] = new Slot(hash, offset, word.Length, id);
            offset += word.Length;
            _longest = Math.Max(_longest, word.Length);
        }
    }

    /// <summary>Bytes held by the table.</summary>
    public long ApproximateBytes => _slots.Length * 16L + _chars.Length * 2L;

    /// <summary>The id of <paramref name="word"/>, or 0 when no phrase uses it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(ReadOnlySpan<char> word)
    {
        if (word.Length > _longest)
        {
            return 0;
        }

        var hash = Hash(word);
        for (var at = hash & _mask; ; at = (at + 1) & _mask)
        {
            ref readonly var slot = ref _slots[at];
            if (slot.Id == 0)
            {
                return 0;
            }

            if (slot.Hash == hash && slot.Length == word.Length && Same(word, _chars.AsSpan(slot.Offset, slot.Length)))
            {
                return slot.Id;
            }
        }
    }

    // A word is a few characters: a plain loop, without the call into the vectorised comparison.
    private static bool Same(ReadOnlySpan<char> word, ReadOnlySpan<char> stored)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] != stored[i])
            {
                return false;
            }
        }

        return true;
    }

    // Words are short (Vietnamese syllables): a multiply per character, mixed at the end so the low bits the table
    // uses depend on every character.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<char> word)
    {
        var h = (uint)word.Length;
        foreach (var c in word)
        {
            h = (h + c) * 0x9E3779B1u;
        }

        h ^= h >> 15;
        return (int)(h & 0x7FFFFFFF);
    }

    private readonly record struct Slot(int Hash, int Offset, int Length, int Id);
}
