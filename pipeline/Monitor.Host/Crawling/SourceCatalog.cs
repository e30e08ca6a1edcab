using Monitor.Crawlers.Sources;

namespace Monitor.Host.Crawling;

/// <summary>The sources this process crawls, by name.</summary>
internal sealed class SourceCatalog(IReadOnlyList<SourceDefinition> sources)
{
    public IReadOnlyList<SourceDefinition> All { get; } = sources;

    public SourceDefinition? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
