namespace Monitor.Core.Tagging;

/// <summary>The hits of one article grouped by phrase, so rules look up a phrase's occurrences directly.</summary>
internal sealed class HitIndex
{
    private readonly Hit[] _hits;
    private readonly Dictionary<int, (int Start, int Count)> _ranges = [];

    public HitIndex(List<Hit> hits, DateOnly? day = null)
    {
        Day = day;
        _hits = [.. hits];
        Array.Sort(_hits, static (a, b) => a.Group != b.Group ? a.Group.CompareTo(b.Group) : a.Field != b.Field ? a.Field.CompareTo(b.Field) : a.Start.CompareTo(b.Start));
        for (var i = 0; i < _hits.Length;)
        {
            var j = i;
            while (j < _hits.Length && _hits[j].Group == _hits[i].Group)
            {
                j++;
            }

            _ranges[_hits[i].Group] = (i, j - i);
            i = j;
        }
    }

    /// <summary>The article's publication day (Vietnamese time), for <c>date:</c> rules; null when unknown.</summary>
    public DateOnly? Day { get; }

    /// <summary>Phrase ids (groups) that occur at least once.</summary>
    public IEnumerable<int> Groups => _ranges.Keys;

    public ReadOnlySpan<Hit> Of(int group) =>
        _ranges.TryGetValue(group, out var r) ? _hits.AsSpan(r.Start, r.Count) : [];
}
