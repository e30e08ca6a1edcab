using System.Buffers;
using System.Runtime.CompilerServices;
using Monitor.Core.Text;

namespace Monitor.Core.Tagging;

/// <summary>The hot part of <see cref="PlanMatcher.Tag"/> for one field: folds it into pooled buffers and runs the
/// automaton over the key, turning each occurrence into a hit with offsets in the original text. No key string and no
/// offset arrays are allocated per field (the tagger folds every field of every article; docs/tagging.md, "Speed").</summary>
internal static class FieldScan
{
    /// <summary>Adds the field's hits to <paramref name="hits"/>; returns the folded key when <paramref name="keepKey"/>
    /// (scope anchors read it), null otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? Run(PhraseAutomaton automaton, string original, ArticleField field, ScoringOptions scoring,
        List<Hit> hits, List<PhraseOccurrence> occurrences, bool keepKey)
    {
        var length = Math.Max(1, original.Length);
        var value = ArrayPool<char>.Shared.Rent(length);
        var starts = ArrayPool<int>.Shared.Rent(length);
        var ends = ArrayPool<int>.Shared.Rent(length);
        try
        {
            var n = VietnameseFolding.Fold(original, value, starts, ends);
            occurrences.Clear();
            automaton.Match(value.AsSpan(0, n), occurrences);
            foreach (var o in occurrences)
            {
                // A phrase is never empty: its original span runs from its first character's start to its last one's
                // end (FoldedText.ToOriginal).
                var start = starts[o.Start];
                hits.Add(new Hit(o.Id, field, start, ends[o.End - 1], o.FirstWord, o.LastWord, scoring.Weight(field, start)));
            }

            return keepKey ? new string(value, 0, n) : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(value);
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<int>.Shared.Return(ends);
        }
    }
}
