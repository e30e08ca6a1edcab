using Monitor.Crawlers.Sources;

namespace Monitor.Host.Crawling;

/// <summary>The sources this process crawls, by name. A reload of the sources file swaps the whole list at once
/// (<see cref="Replace"/>); a crawl holds the definition it found when it started, so it finishes with that one.</summary>
internal sealed class SourceCatalog(IReadOnlyList<SourceDefinition> sources)
{
    private volatile IReadOnlyList<SourceDefinition> _all = sources;

    public IReadOnlyList<SourceDefinition> All => _all;

    public SourceDefinition? Find(string name) => _all.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Puts a validated list in place of the current one, atomically.</summary>
    public void Replace(IReadOnlyList<SourceDefinition> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _all = sources;
    }
}
