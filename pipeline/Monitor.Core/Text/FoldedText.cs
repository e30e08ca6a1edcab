namespace Monitor.Core.Text;

/// <summary>A folded key of an original text, with each folded character mapped back to its source span.</summary>
public sealed class FoldedText
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    internal FoldedText(string original, string value, int[] starts, int[] ends)
    {
        Original = original;
        Value = value;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>The text as written.</summary>
    public string Original { get; }

    /// <summary>The folded key: lower case, no diacritics, đ→d, single spaces between words.</summary>
    public string Value { get; }

    /// <summary>Maps the folded range [start, end) to the range of the original text it came from.</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Value.Length);
        if (end <= start)
        {
            var at = start < _starts.Length ? _starts[start] : Original.Length;
            return (at, at);
        }

        return (_starts[start], _ends[end - 1]);
    }

    /// <summary>The original text of the folded range [start, end).</summary>
    public string OriginalSlice(int start, int end)
    {
        var (s, e) = ToOriginal(start, end);
        return Original[s..e];
    }
}
