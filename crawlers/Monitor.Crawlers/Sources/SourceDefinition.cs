using Monitor.Crawlers.Extraction;

namespace Monitor.Crawlers.Sources;

/// <summary>One outlet the crawler reads, as written in the sources file.</summary>
public sealed class SourceDefinition
{
    /// <summary>Short unique name ("baokontum"), used in commands and health reports.</summary>
    public string Name { get; set; } = "";

    /// <summary>The outlet's display name as directives write it ("Báo Kon Tum").</summary>
    public string Outlet { get; set; } = "";

    /// <summary>newspaper, broadcaster, portal or party_bulletin ("party bulletin" is accepted).</summary>
    public string Kind { get; set; } = "newspaper";

    public string? Province { get; set; }
    public string? Homepage { get; set; }

    /// <summary>A note for people (what became of the outlet, why an address is unverified); never read by code.</summary>
    public string? Note { get; set; }

    public List<string> Feeds { get; set; } = [];

    /// <summary>XML sitemaps or sitemap indexes (news sitemaps and .gz included).</summary>
    public List<string> Sitemaps { get; set; } = [];

    /// <summary>Section pages listing articles, paged; used to back-fill the archive.</summary>
    public List<ListingDefinition> Listings { get; set; } = [];

    /// <summary>Quartz cron expression in Asia/Ho_Chi_Minh; default every 30 minutes.</summary>
    public string Schedule { get; set; } = "0 0/30 * * * ?";

    public PolitenessOverrides? Politeness { get; set; }

    public ExtractionProfile? Extraction { get; set; }

    /// <summary>False when the addresses were not established against the live site or a stored copy of it.</summary>
    public bool Verified { get; set; } = true;

    /// <summary>Line of the entry in the sources file, for messages.</summary>
    internal int Line { get; set; }
}

/// <summary>A listing (section) page and how to reach its older pages.</summary>
public sealed class ListingDefinition
{
    /// <summary>The first page ("https://www.baokontum.com.vn/xa-hoi-8.html").</summary>
    public string Url { get; set; } = "";

    /// <summary>Template of page N, with {page} ("https://www.baokontum.com.vn/xa-hoi-8.html?page={page}").</summary>
    public string? PageUrl { get; set; }

    /// <summary>CSS selector of the "next page" link, used when there is no <see cref="PageUrl"/>.</summary>
    public string? Next { get; set; }

    /// <summary>CSS selector of the article links on a listing page; default every link.</summary>
    public string Links { get; set; } = "a[href]";

    /// <summary>Regular expression an article URL matches (".*-\d+\.html$"); default: same host, not the listing itself.</summary>
    public string? Pattern { get; set; }

    /// <summary>How far back a back-fill may page.</summary>
    public int MaxPages { get; set; } = 200;
}

/// <summary>Per-source changes to the fetcher's politeness defaults.</summary>
public sealed class PolitenessOverrides
{
    /// <summary>Minimum seconds between two requests to the source's host.</summary>
    public double? MinDelaySeconds { get; set; }

    /// <summary>At most this many requests at once to the source's host.</summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>Pages one scheduled run fetches at most (default <c>Monitor:Fetch:MaxPagesPerRun</c>, 500).</summary>
    public int? MaxPagesPerRun { get; set; }
}

/// <summary>The sources file: the list of outlets to crawl.</summary>
public sealed class SourcesDocument
{
    public List<SourceDefinition> Sources { get; set; } = [];
}
