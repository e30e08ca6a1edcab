using Monitor.Core.Articles;
using Monitor.Core.Tagging;
using Monitor.Core.Text;

namespace Monitor.Core.Scope;

/// <summary>Whether an article is anchored in one province: published by one of its own outlets, or naming one of
/// its places, landmarks or leaders (whole words, folded) in the title, lead or text. Thread-safe.</summary>
public sealed class ScopeAnchor
{
    private readonly PhraseAutomaton _anchors;
    private readonly string[] _outlets;

    public ScopeAnchor(Gazetteer gazetteer, Province province)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(province);
        Province = province;
        _anchors = new PhraseAutomaton([.. gazetteer.Anchors(province).Select(VietnameseFolding.Key).Where(k => k.Length > 0).Distinct()]);
        _outlets = [.. gazetteer.Outlets(province).Select(VietnameseFolding.Key).Where(k => k.Length > 0).Distinct()];
    }

    public Province Province { get; }

    /// <summary>True when the article's outlet or canonical URL's host is the province's, or when a folded field
    /// (title, lead, text, in that order, as given) names one of its anchors.</summary>
    public bool Anchors(Article article, IReadOnlyList<string?> foldedFields)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(foldedFields);
        var outlet = VietnameseFolding.Key(article.Outlet);
        var host = Uri.TryCreate(article.CanonicalUrl, UriKind.Absolute, out var url) ? VietnameseFolding.Key(url.Host) : "";
        if (_outlets.Any(o => o == outlet || (host.Length > 0 && (host == o || host.EndsWith(" " + o, StringComparison.Ordinal)))))
        {
            return true;
        }

        var found = false;
        _anchors.Match(outlet, (_, _, _) => found = true);   // "Báo Kon Tum điện tử" names its province
        foreach (var folded in foldedFields)
        {
            if (!found && folded is { Length: > 0 })
            {
                _anchors.Match(folded, (_, _, _) => found = true);
            }
        }

        return found;
    }
}
