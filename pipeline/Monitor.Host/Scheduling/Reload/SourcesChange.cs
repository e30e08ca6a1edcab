using System.Text.Json;
using System.Text.Json.Nodes;
using Monitor.Crawlers.Sources;

namespace Monitor.Host.Scheduling.Reload;

/// <summary>What a new sources file changes against the running one: sources added, removed, whose cron changed
/// (<see cref="Rescheduled"/>) and whose other settings changed (<see cref="Updated"/>). Names compare exactly, as the
/// jobs' keys do (<c>crawl:{name}</c>).</summary>
internal sealed record SourcesChange(
    IReadOnlyList<SourceDefinition> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<SourceDefinition> Rescheduled,
    IReadOnlyList<string> Updated)
{
    public bool IsEmpty => Added.Count + Removed.Count + Rescheduled.Count + Updated.Count == 0;

    /// <summary>The one line a reload logs ("thêm 1, bỏ 1, đổi lịch 1, đổi cấu hình 0").</summary>
    public string Summary => $"thêm {Added.Count}, bỏ {Removed.Count}, đổi lịch {Rescheduled.Count}, đổi cấu hình {Updated.Count}";

    public static SourcesChange Between(IReadOnlyList<SourceDefinition> before, IReadOnlyList<SourceDefinition> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var names = after.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var added = new List<SourceDefinition>();
        var rescheduled = new List<SourceDefinition>();
        var updated = new List<string>();
        foreach (var source in after)
        {
            if (!old.TryGetValue(source.Name, out var was))
            {
                added.Add(source);
                continue;
            }

            if (!string.Equals(was.Schedule, source.Schedule, StringComparison.Ordinal))
            {
                rescheduled.Add(source);
            }

            if (!string.Equals(Settings(was), Settings(source), StringComparison.Ordinal))
            {
                updated.Add(source.Name);
            }
        }

        return new SourcesChange(added, [.. before.Select(s => s.Name).Where(n => !names.Contains(n))], rescheduled, updated);
    }

    /// <summary>Every setting but the cron, as JSON: the line in the file is internal and not serialized, so moving a
    /// source within the file is no change.</summary>
    private static string Settings(SourceDefinition source)
    {
        var node = JsonSerializer.SerializeToNode(source) as JsonObject ?? [];
        node.Remove(nameof(SourceDefinition.Schedule));
        return node.ToJsonString();
    }
}
