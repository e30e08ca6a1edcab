using System.Text.RegularExpressions;

namespace Monitor.Crawlers.Fetching;

/// <summary>A parsed robots.txt (RFC 9309): the groups for our product token (else "*"), its Allow/Disallow rules with
/// "*" and "$", its Crawl-delay, and every Sitemap line.</summary>
public sealed class RobotsTxt
{
    private readonly List<(bool Allow, string Pattern)> _rules;

    private RobotsTxt(List<(bool, string)> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
    }

    /// <summary>Everything allowed (robots.txt absent).</summary>
    public static RobotsTxt AllowAll { get; } = new([], null, []);

    /// <summary>Nothing allowed because robots.txt could not be read (RFC 9309: assume complete disallow); the
    /// failure is kept so that errors name the real cause.</summary>
    public static RobotsTxt Unreadable(FetchException failure) => new([(false, "/")], null, []) { Failure = failure };

    /// <summary>Why robots.txt could not be read, when it could not.</summary>
    public FetchException? Failure { get; private init; }

    public TimeSpan? CrawlDelay { get; }

    public IReadOnlyList<string> Sitemaps { get; }

    public static RobotsTxt Parse(string text, string token)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = new List<(List<string> Agents, List<(bool, string)> Rules, TimeSpan? Delay)>();
        var sitemaps = new List<string>();
        (List<string> Agents, List<(bool, string)> Rules, TimeSpan? Delay)? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#', 2)[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (current is null || !lastWasAgent)
                    {
                        current = ([], [], null);
                        groups.Add(current.Value);
                    }

                    current.Value.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when current is not null:
                    if (value.Length > 0)
                    {
                        current.Value.Rules.Add((key == "allow", value));
                    }

                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                    {
                        var index = groups.FindIndex(g => ReferenceEquals(g.Agents, current.Value.Agents));
                        groups[index] = (current.Value.Agents, current.Value.Rules, TimeSpan.FromSeconds(Math.Min(seconds, 120)));
                        current = groups[index];
                    }

                    break;
                case "sitemap":
                    sitemaps.Add(value);
                    break;
            }

            lastWasAgent = false;
        }

        var mine = groups.Where(g => g.Agents.Any(a => IsProductToken(a, token))).ToList();
        if (mine.Count == 0)
        {
            mine = groups.Where(g => g.Agents.Contains("*")).ToList();
        }

        return new RobotsTxt(mine.SelectMany(g => g.Rules).ToList(), mine.Select(g => g.Delay).FirstOrDefault(d => d is not null), sitemaps);
    }

    /// <summary>RFC 9309 section 2.2.1: a group applies when its user-agent names our product token, compared without
    /// regard to case; the token is the line's leading letters, "_" and "-" ("MonitorBot/1.0" names MonitorBot).
    /// "bot" or "Monitor" name other crawlers: matching by substring let them rule ours.</summary>
    private static bool IsProductToken(string agent, string token)
    {
        var length = 0;
        while (length < agent.Length && (char.IsAsciiLetter(agent[length]) || agent[length] is '_' or '-'))
        {
            length++;
        }

        return length > 0 && agent.AsSpan(0, length).Equals(token, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the path (with its query) may be fetched: the longest matching rule wins, Allow on a tie.</summary>
    public bool Allows(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.PathAndQuery;
        var best = -1;
        var allowed = true;
        foreach (var (allow, pattern) in _rules)
        {
            if (Matches(pattern, path) && (pattern.Length > best || (pattern.Length == best && allow)))
            {
                best = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        var regex = "^" + string.Join(".*", body.Split('*').Select(p => Regex.Escape(Uri.UnescapeDataString(p)))) + (anchored ? "$" : "");
        return Regex.IsMatch(Uri.UnescapeDataString(path), regex, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }
}
