namespace Monitor.Crawlers.Sources;

/// <summary>One outlet the crawler reads, as written in the sources file.</summary>
public sealed class SourceDefinition
{
    /// <summary>Short unique name ("baokontum"), used in commands and health reports.</summary>
    public string Name { get; set; } = "";

    /// <summary>The outlet's display name as directives write it ("Báo Kon Tum").</summary>
    public string Outlet { get; set; } = "";

    /// <summary>newspaper, broadcaster, portal or party_bulletin.</summary>
    public string Kind { get; set; } = "newspaper";

    public string? Province { get; set; }
    public string? Homepage { get; set; }
    public List<string> Feeds { get; set; } = [];

    /// <summary>Quartz cron expression in Asia/Ho_Chi_Minh; default every 30 minutes.</summary>
    public string Schedule { get; set; } = "0 0/30 * * * ?";

    /// <summary>Set when the address was not verified against the live site.</summary>
    public bool Unverified { get; set; }

    /// <summary>Line of the entry in the sources file, for messages.</summary>
    internal int Line { get; set; }
}

/// <summary>The sources file: the list of outlets to crawl.</summary>
public sealed class SourcesDocument
{
    public List<SourceDefinition> Sources { get; set; } = [];
}
