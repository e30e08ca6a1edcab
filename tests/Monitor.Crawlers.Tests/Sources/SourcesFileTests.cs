using Monitor.Crawlers.Sources;
using Monitor.Tests.Shared;

namespace Monitor.Crawlers.Tests.Sources;

public sealed class SourcesFileTests
{
    [Fact]
    public void A_valid_sources_file_is_read_with_defaults()
    {
        var sources = SourcesFile.Parse("""
            sources:
              - name: baokontum
                outlet: Báo Kon Tum
                feeds: [https://baokontum.com.vn/rss/thoi-su.rss]
            """, "sources.yaml");
        var source = Assert.Single(sources);
        Assert.Equal("Báo Kon Tum", source.Outlet);
        Assert.Equal("newspaper", source.Kind);
    }

    [Fact]
    public void Every_error_is_reported_with_the_file_and_the_line_of_the_key_at_fault()
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("""
            sources:
              - name: a
                outlet: Báo A
                feeds: [https://a.vn/rss]
              - name: a
                outlet: Báo B
                kind: magazine
                feeds: [ftp://b.vn/rss]
                schedule: every hour
            """, "sources.yaml"));

        Assert.Equal(
        [
            "sources.yaml:5: source name 'a' is used twice",
            "sources.yaml:7: source 'a': kind 'magazine' is not one of newspaper, broadcaster, portal, party_bulletin",
            "sources.yaml:8: source 'a': feed 'ftp://b.vn/rss' is not an absolute http(s) URL",
            "sources.yaml:9: source 'a': schedule 'every hour' is not a Quartz cron expression",
        ], e.Errors);
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_its_line()
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("sources:\n  - name: a\n   outlet: [", "bad.yaml"));
        Assert.StartsWith("bad.yaml:", Assert.Single(e.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Listings_politeness_and_an_extraction_profile_are_read_and_party_bulletin_is_a_kind()
    {
        var source = Assert.Single(SourcesFile.Parse("""
            sources:
              - name: bantin
                outlet: Bản tin Tỉnh ủy
                kind: party bulletin
                sitemaps: [https://a.vn/sitemap.xml]
                listings:
                  - url: https://a.vn/thoi-su-1.html
                    page_url: https://a.vn/thoi-su-1.html?page={page}
                    pattern: '-\d+\.html$'
                politeness: { min_delay_seconds: 5, max_concurrency: 1 }
                extraction: { body: "div.detail-content", date: ".date" }
                verified: false
            """, "sources.yaml"));

        Assert.Equal("party_bulletin", source.Kind);
        Assert.Equal("https://a.vn/thoi-su-1.html?page={page}", Assert.Single(source.Listings).PageUrl);
        Assert.Equal(5, source.Politeness!.MinDelaySeconds);
        Assert.Equal("div.detail-content", source.Extraction!.Body);
        Assert.False(source.Verified);
    }

    [Fact]
    public void Bad_selectors_templates_patterns_and_limits_are_each_reported_on_their_line()
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("""
            sources:
              - name: a
                outlet: Báo A
                homepage: a.vn
                listings:
                  - url: https://a.vn/tin
                    page_url: https://a.vn/tin?page=2
                    next: "a[[["
                    pattern: "(unclosed"
                politeness: { max_concurrency: 0 }
                extraction: { body: "div[class" }
            """, "s.yaml"));

        Assert.Equal(
        [
            "s.yaml:4: source 'a': homepage 'a.vn' is not an absolute http(s) URL",
            "s.yaml:5: source 'a': listing 1: page_url 'https://a.vn/tin?page=2' is not an http(s) URL with {page}",
            "s.yaml:5: source 'a': listing 1 next selector 'a[[[' is not a valid CSS selector",
            e.Errors[3],
            "s.yaml:10: source 'a': politeness max_concurrency 0 is not between 1 and 16",
            "s.yaml:11: source 'a': extraction body selector 'div[class' is not a valid CSS selector",
        ], e.Errors);
        Assert.StartsWith("s.yaml:5: source 'a': listing 1: pattern '(unclosed' is not a regular expression", e.Errors[3], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_reported_with_its_line()
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("sources:\n  - name: a\n    outlet: A\n    feeds: [https://a.vn/rss]\n    shedule: x\n", "s.yaml"));
        Assert.StartsWith("s.yaml:5:", Assert.Single(e.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_sources_file_is_valid_and_marks_what_is_not_verified()
    {
        var sources = SourcesFile.Load(Path.Combine(RepositoryPaths.Root, "crawlers", "sources.yaml"));

        Assert.Contains(sources, s => s.Outlet == "Báo Kon Tum" && s.Verified);
        Assert.Contains(sources, s => s.Outlet == "Báo Kiên Giang");
        Assert.Contains(sources, s => !s.Verified);
        Assert.All(sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Province)));
    }
}
